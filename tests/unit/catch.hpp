// Catch2 for the unit tests, v3 (split headers) or v2 (single header, as
// in Debian 12): the tests use only macros both versions share.
#pragma once

#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_test_macros.hpp>
#else
#include <catch2/catch.hpp>
#endif
