#include <string>
#include <vector>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
    return taalwerk::run_command_line(std::vector<std::string>(argv + 1, argv + argc));
}
