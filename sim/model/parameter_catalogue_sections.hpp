#pragma once
// The parts of the parameter catalogue kept in their own files (policy_parameter_catalogue.cpp):
// regions, budgets and instruments, education.
#include "scenario/parameter_definition.hpp"

namespace taalwerk {

void add_region_parameters(ParameterCatalogue& catalogue);
void add_budget_and_instrument_parameters(ParameterCatalogue& catalogue);
void add_instrument_priority_parameters(ParameterCatalogue& catalogue);  // municipalities.*.instrument_priority.*
void add_education_parameters(ParameterCatalogue& catalogue);

}  // namespace taalwerk
