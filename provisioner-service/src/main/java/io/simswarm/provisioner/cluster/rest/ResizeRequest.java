package io.simswarm.provisioner.cluster.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The wanted number of workers. */
public record ResizeRequest(@NotNull @PositiveOrZero Integer workers) {
}
