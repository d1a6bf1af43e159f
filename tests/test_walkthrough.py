"""lab.walkthrough: the home page's demos say what the seed says."""
from lab import walkthrough as wt


def test_reverse():
    r = wt.reverse_demo()
    assert r.x.shape == (5, 5) and r.y.shape == (3, 3) and r.back.shape == (5, 5)


def test_ambiguity():
    rows, valid = wt.ambiguity_demo()
    assert valid == [5, 6]
    assert [r.accepted for r in rows] == [False, True, True, False]
    assert "actual = 3, computed = 4" in rows[-1].result


def test_seed_failure():
    s = wt.seed_failure()
    assert s.forward_shape == (3, 25, 25, 20)
    assert s.message.startswith("Conv2DCustomBackpropInput: Size of out_backprop doesn't match computed: "
                                "actual = 25, computed = 33 spatial_dim: 1 input: 97 filter: 3")
    assert s.valid == "73, 74, 75" and s.fixed_shape == (3, 97, 97, 10)


def test_adjoint():
    a = wt.adjoint_demo()
    assert a.lhs == a.rhs and a.seed_gradient == "ceil(97 / 3) = 33"


def test_timing():
    assert wt.timing_demo(False)["message"].startswith("ValueError: Shapes")
    assert "Conv2DSlowBackpropInput" in wt.timing_demo(True)["message"]
