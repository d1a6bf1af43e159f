"""The decoder's link to the shape explorer keeps a 1-D / 3-D message's dimension (``nd``); a 2-D
message's link is unchanged (no ``nd`` key)."""
from convt import explain
from lab import explorer
from lab.url_state import from_query
from ui.links import explorer_link

TF3 = ("Conv3DBackpropInputOp: Size of out_backprop doesn't match computed: actual = 5, computed = 6 "
       "spatial_dim: 2 input: 12 filter: 3 output: 5 stride: 2 dilation: 1")
TORCH1 = "requested an output size of [13], but valid sizes range from [9] to [10] (for an input of torch.Size([5]))"
TF2 = ("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: actual = 25, computed = 33 "
       "spatial_dim: 1 input: 97 filter: 3 output: 25 stride: 3 dilation: 1")


def _opened(message):
    params = explorer_link(explain(message))
    state, notes = from_query(explorer.ExplorerPage, params)
    assert notes == []
    return params, explorer.analyse(state.config)


def test_3d_message_opens_3d_with_the_same_verdict():
    params, a = _opened(TF3)
    assert params["nd"] == "3" and a.config.inputs == (5, 5, 5)
    assert "Conv3DBackpropInputOp" in a.primary_message and "computed = 6" in a.primary_message


def test_1d_torch_message_opens_1d_with_its_range():
    params, a = _opened(TORCH1)
    assert params["nd"] == "1" and params["fw"] == "torch" and params["k"] == "1"
    assert "valid sizes range from [9] to [10]" in a.primary_message


def test_2d_message_has_no_nd():
    params, a = _opened(TF2)
    assert "nd" not in params and a.config.nd == 2
