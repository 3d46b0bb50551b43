// The Tern release, set by the build from meson's project version.
#pragma once

namespace tern {
inline constexpr const char* version = TERN_VERSION;
}
