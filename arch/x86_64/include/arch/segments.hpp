/* The GDT selectors start.S sets up, shared by assembly and C++. Long mode
 * ignores segment bases and limits: one code and one data descriptor. */
#pragma once

#define GDT_KERNEL_CODE  0x08
#define GDT_KERNEL_DATA  0x10
