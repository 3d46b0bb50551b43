// What start.S saw at reset, before it set up plain kernel mode.
#pragma once

#include <stdint.h>

extern "C" {
extern uint32_t reset_status;  // Status at reset (start.S then clears ERL)
extern uint32_t reset_cause;
}

// Each test guest provides main(); returning from it is the same as done().
int main();
