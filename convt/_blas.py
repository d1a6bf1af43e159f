"""NumPy's own BLAS matrix product, callable from Numba kernels without the GIL.

A kernel that needs many small matrix products in a loop (``convt.winograd``) would otherwise go
back to Python for each ``np.matmul``, holding the GIL in between, so two threads ran no faster
than one. NumPy's wheels bundle OpenBLAS with the ILP64 CBLAS interface (``scipy_cblas_sgemm64_``
in ``numpy.libs``, or ``numpy/.dylibs`` on macOS); opening it again by path gives the same loaded
library and thread pool NumPy uses. ``GEMM`` maps a dtype to the function's address, which the
kernels take as an ordinary integer argument and call through :func:`gemm`: an address baked
into the compiled code would make it uncacheable. Where no such library is found, ``GEMM`` is
empty and the callers use their NumPy path.
"""

import ctypes
import glob
import os

import numpy as np
from llvmlite import ir
from numba import types
from numba.extending import intrinsic

_ROW_MAJOR, _NO_TRANS = 101, 111


def _find_gemm():
    """{dtype: address of ?gemm} from NumPy's bundled OpenBLAS, or {} if there is none."""
    root = os.path.dirname(np.__file__)
    for path in sorted(glob.glob(os.path.join(root + ".libs", "*openblas*"))
                       + glob.glob(os.path.join(root, ".dylibs", "*openblas*"))):
        try:
            lib = ctypes.CDLL(path)
            return {np.dtype(np.float32): ctypes.cast(lib.scipy_cblas_sgemm64_, ctypes.c_void_p).value,
                    np.dtype(np.float64): ctypes.cast(lib.scipy_cblas_dgemm64_, ctypes.c_void_p).value}
        except (OSError, AttributeError):
            continue
    return {}


GEMM = _find_gemm()


@intrinsic
def gemm(typingctx, address, m, n, k, a, a_at, lda, b, b_at, ldb, beta, c, c_at, ldc):
    """c[c_at:] = a[a_at:] @ b[b_at:] + beta * c[c_at:], row-major (m x k) @ (k x n), by the BLAS
    ?gemm at ``address`` (from GEMM; a, b, c flat arrays of one float dtype, offsets in elements)."""
    scalar = a.dtype
    sig = types.void(types.intp, types.intp, types.intp, types.intp, a, types.intp, types.intp,
                     b, types.intp, types.intp, scalar, c, types.intp, types.intp)

    def codegen(context, builder, signature, args):
        address, m, n, k, a, a_at, lda, b, b_at, ldb, beta, c, c_at, ldc = args
        aty, bty, cty = signature.args[4], signature.args[7], signature.args[11]
        value = context.get_value_type(scalar)
        i32, i64 = ir.IntType(32), ir.IntType(64)
        fnty = ir.FunctionType(ir.VoidType(), [i32, i32, i32, i64, i64, i64, value, value.as_pointer(),
                                               i64, value.as_pointer(), i64, value, value.as_pointer(), i64])

        def at(array, arrty, offset):
            return builder.gep(context.make_array(arrty)(context, builder, array).data, [offset])

        builder.call(builder.inttoptr(address, fnty.as_pointer()),
                     [ir.Constant(i32, _ROW_MAJOR), ir.Constant(i32, _NO_TRANS), ir.Constant(i32, _NO_TRANS),
                      m, n, k, ir.Constant(value, 1.0), at(a, aty, a_at), lda, at(b, bty, b_at), ldb,
                      beta, at(c, cty, c_at), ldc])
        return context.get_dummy_value()

    return sig, codegen
