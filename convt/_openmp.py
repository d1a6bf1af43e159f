"""Run one kernel call's parts on several native threads at once: GNU OpenMP's ``GOMP_parallel``.

Handing a part of a call to a Python thread and taking it back costs a thread wake-up each way
(20-40 us on the VM measured, a tenth of a mid-size transposed conv), plus the GIL in between.
OpenMP's threads wait for work spinning, without the GIL. Numba's ``parallel=True`` would use
them too, but its parallel loop around the Winograd kernel took 5 s more to compile. Instead a
kernel's parts are driven by one Numba ``cfunc`` of a single pointer, which ``GOMP_parallel``
runs on each thread of its team: every thread takes the next part from an atomic counter until
none is left. Where libgomp is missing (stock macOS), ``run`` says so and the caller runs the
parts on its Python threads instead (``kernels._run_parts``).

libgomp gives every calling thread its own team, so any number of Streamlit sessions can be in
here at once. It is not fork-safe (a child's team is gone, and waiting for it hangs), so a
forked child uses the Python threads. A call's arguments travel as one int64 array (``describe``): the part counter,
the number of parts, then each argument in order, an array as its address and shape, an integer
as itself; the cfunc reads them back in the same order (``read1`` ... ``read4``).
"""

import ctypes
import ctypes.util
import os

import numpy as np
from llvmlite import ir
from numba import carray, njit, types
from numba.extending import intrinsic


def _find_gomp():
    """libgomp's GOMP_parallel(fn, data, threads, flags), or None."""
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("gomp") or "libgomp.so.1")
        parallel = lib.GOMP_parallel
    except (OSError, AttributeError):
        return None
    parallel.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint, ctypes.c_uint]
    parallel.restype = None
    return parallel


_GOMP_PARALLEL = _find_gomp()


def _forget_gomp():
    global _GOMP_PARALLEL
    _GOMP_PARALLEL = None


os.register_at_fork(after_in_child=_forget_gomp)
ENTRY_SIGNATURE = types.void(types.voidptr)
LENGTH, COUNTER, PARTS, FIRST = 0, 1, 2, 3    # descriptor slots; the arguments start at FIRST


def describe(parts, *arguments):
    """The int64 descriptor of a call in ``parts`` parts: C-contiguous arrays (kept alive by the
    caller until the call returns) and integers."""
    words = [0, 0, parts]
    for argument in arguments:
        if isinstance(argument, np.ndarray):
            face = argument.__array_interface__         # one lookup for address and shape
            if face["strides"] is not None:             # None: C-contiguous
                raise ValueError("describe takes C-contiguous arrays only")
            words.append(face["data"][0])
            words += face["shape"]
        else:
            words.append(int(argument))
    words[LENGTH] = len(words)
    return np.array(words, dtype=np.int64)


def run(entry, descriptor, threads):
    """entry(descriptor) on ``threads`` OpenMP threads (this one among them); False, doing
    nothing, if there is no libgomp."""
    if _GOMP_PARALLEL is None:
        return False
    _GOMP_PARALLEL(entry.address, descriptor.ctypes.data, threads, 0)
    return True


@intrinsic
def _as_voidptr(typingctx, address):
    def codegen(context, builder, signature, args):
        return builder.inttoptr(args[0], ir.IntType(8).as_pointer())
    return types.voidptr(types.int64), codegen


@intrinsic
def next_part(typingctx, descriptor):
    """descriptor[COUNTER] += 1, atomically; its value before."""
    def codegen(context, builder, signature, args):
        array = context.make_array(signature.args[0])(context, builder, args[0])
        slot = builder.gep(array.data, [ir.Constant(ir.IntType(64), COUNTER)])
        return builder.atomic_rmw("add", slot, ir.Constant(ir.IntType(64), 1), "monotonic")
    return types.int64(descriptor), codegen


@njit(inline="always")
def descriptor_at(address):
    """The descriptor starting at ``address`` (the cfunc's argument)."""
    return carray(address, (carray(address, (1,), np.int64)[LENGTH],), np.int64)


# The array described at d[at] (address, then shape), and the index after it. Inlined where
# they are used: no library of their own to compile and link.

@njit(inline="always")
def read1(d, at, dtype):
    return carray(_as_voidptr(d[at]), (d[at + 1],), dtype), at + 2


@njit(inline="always")
def read2(d, at, dtype):
    return carray(_as_voidptr(d[at]), (d[at + 1], d[at + 2]), dtype), at + 3


@njit(inline="always")
def read3(d, at, dtype):
    return carray(_as_voidptr(d[at]), (d[at + 1], d[at + 2], d[at + 3]), dtype), at + 4


@njit(inline="always")
def read4(d, at, dtype):
    return carray(_as_voidptr(d[at]), (d[at + 1], d[at + 2], d[at + 3], d[at + 4]), dtype), at + 5
