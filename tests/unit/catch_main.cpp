// main() for Catch2 v2 when its prebuilt Catch2WithMain library is missing.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
