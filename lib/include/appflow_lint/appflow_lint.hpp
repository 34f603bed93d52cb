// Umbrella header: everything a program needs for pre-flight validation.
#pragma once

#include "appflow_lint/array_view.hpp"
#include "appflow_lint/diagnostic.hpp"
#include "appflow_lint/lint.hpp"
#include "appflow_lint/lint_types.hpp"
#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/run_checks.hpp"
#include "appflow_lint/version.hpp"
