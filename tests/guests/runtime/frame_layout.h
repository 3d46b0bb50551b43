/* Byte offsets of guest::Frame, shared by exception.S and frame.hpp
 * (which checks them against the struct with static_assert). */
#pragma once

#define FRAME_GPR(n)    ((n) * 4)
#define FRAME_HI        128
#define FRAME_LO        132
#define FRAME_STATUS    136
#define FRAME_CAUSE     140
#define FRAME_EPC       144
#define FRAME_BADVADDR  148
#define FRAME_VECTOR    152
#define FRAME_SIZE      160

/* o32: a callee may store its four argument registers in the caller's frame. */
#define ARG_SAVE_AREA   16
