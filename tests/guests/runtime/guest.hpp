// Everything a test guest uses (docs/guest-tests.md, "Runtime API").
#pragma once

#include "address_map.hpp"
#include "boot.hpp"
#include "check.hpp"
#include "cp0.hpp"
#include "cpu.hpp"
#include "exception.hpp"
#include "frame.hpp"
#include "mmio.hpp"
#include "print.hpp"
#include "tlb.hpp"
#include "trap_check.hpp"
#include "uart.hpp"
