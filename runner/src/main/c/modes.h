/* The two ways the runner gets its runs: a fixed list, or leases from the scheduler (pilot). */
#ifndef SIMSWARM_MODES_H
#define SIMSWARM_MODES_H

#include "env.h"

/* Runs every listed run; returns the runner's exit code. */
int run_list_mode(const struct runner_env *env);

/* Leases runs until the scheduler has none left; returns the runner's exit code. */
int run_pilot_mode(const struct runner_env *env);

#endif
