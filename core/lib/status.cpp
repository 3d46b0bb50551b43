// Names of Status values, for error messages.
#include "lib/std.hpp"

namespace tern {

const char* status_name(Status s) {
    switch (s) {
    case Status::ok: return "ok";
    case Status::no_memory: return "out of memory";
    case Status::invalid: return "invalid";
    case Status::not_found: return "not found";
    case Status::busy: return "busy";
    case Status::unsupported: return "unsupported";
    case Status::out_of_range: return "out of range";
    }
    return "?";
}

}  // namespace tern
