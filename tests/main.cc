// The Catch2 test runner: one binary for every stage's tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
