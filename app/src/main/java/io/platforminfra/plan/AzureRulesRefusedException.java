package io.platforminfra.plan;

import io.platforminfra.offline.rules.AzureRuleBreach;

import java.util.List;

/**
 * The stage's stack file is valid, but Azure would refuse a resource the program registers: the offline engine's
 * model of Azure's rules says so before anything is created. Unlike a stack file mistake, the program itself would
 * not stop such a run, so the gate before every real run stops it.
 */
public final class AzureRulesRefusedException extends PlanRefusedException {
    private static final long serialVersionUID = 1L;

    private AzureRulesRefusedException(String message) {
        super(message);
    }

    /** The refusal of every breach, one line each, naming {@code stackFile}. */
    static AzureRulesRefusedException of(String stackFile, List<AzureRuleBreach> breaches) {
        return new AzureRulesRefusedException(String.join("\n", breaches.stream()
                .map(breach -> stackFile + ": " + breach.describe()).toList()));
    }
}
