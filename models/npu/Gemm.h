// Row-major matrix products C[m×n] = A[m×k] · B[k×n] for the round kernels, on oneDNN's GEMM
// (kernels generated for the host's vector units). One thread per call: the tools parallelise
// over runs, and a fixed thread count keeps every float sum in the same order run after run.
#pragma once
#include <cstddef>
#include <cstdint>

namespace wtm::npu::gemm {

// Whether u8 × s8 products summed in int32 are exact on this CPU (8-bit dot-product
// instructions, VNNI). Without them the library's integer kernels may saturate 16-bit
// intermediates, so callers take the float path instead.
bool exactInt8Available();

// Exact integer product (only where exactInt8Available()).
void u8s8(const std::uint8_t* a, std::size_t lda, const std::int8_t* b, std::size_t ldb, std::int32_t* c,
          std::size_t ldc, std::size_t m, std::size_t n, std::size_t k);

void f32(const float* a, std::size_t lda, const float* b, std::size_t ldb, float* c, std::size_t ldc, std::size_t m,
         std::size_t n, std::size_t k);

}  // namespace wtm::npu::gemm
