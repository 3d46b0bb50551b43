// Host console input: the console's receive interrupt fills a ring buffer
// that readers block on, so nobody polls the UART in a loop.
#pragma once

namespace tern {

// Claims the console's receive interrupt (host line `irq`, -1 for none).
// Without an interrupt, readers fall back to polling every 10 ms.
void console_input_init(int irq);

// The next input byte; blocks the calling thread until one arrives.
[[nodiscard]] int console_read();

// Bytes dropped because the ring was full.
[[nodiscard]] unsigned long console_input_overruns();
[[nodiscard]] bool console_input_interrupt_driven();

}  // namespace tern
