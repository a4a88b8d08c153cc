package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.IpRanges;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.platforminfra.azure.AzureResourceType.PRIVATE_ENDPOINT;

/** The shapes of check that rules of several areas share. */
final class RuleChecks {
    private RuleChecks() {
    }

    /**
     * Whether production must protect, lock and monitor {@code resource}: the types the one table marks
     * {@link AzureResourceType#guardedInProduction()}.
     */
    static boolean guardedInProduction(PolicyResource resource) {
        return resource.azureType().filter(AzureResourceType::guardedInProduction).isPresent();
    }

    /** The resources of {@code type} that depend on {@code target} (are attached to it). */
    static List<PolicyResource> dependents(PolicyTarget target, AzureResourceType type, PolicyResource of) {
        return target.ofType(type).stream().filter(r -> r.dependsOn(of)).toList();
    }

    /** A check of every resource of {@code type}: a finding with {@code problem} where {@code holds} is false. */
    static Rule.Check each(AzureResourceType type, Predicate<PolicyResource> holds, String problem) {
        return target -> target.ofType(type).stream().filter(holds.negate()).map(r -> Finding.of(r, problem)).toList();
    }

    /**
     * Public access is off, or on only for specific ranges that together do not open the resource to the internet
     * ({@link IpRanges#openToTheInternet}: judged on what the list covers, not on how an entry is spelled).
     */
    static Rule.Check publicAccessLimited(AzureResourceType type, String accessPath, String rulesPath, String rangeField) {
        return target -> target.ofType(type).stream().flatMap(r -> {
            if (r.is(accessPath, "Disabled")) {
                return Stream.<Finding>empty();
            }
            var ranges = r.list(rulesPath).stream()
                    .map(rule -> rule instanceof Map<?, ?> m ? m.get(rangeField) : rule).toList();
            if (ranges.isEmpty()) {
                return Stream.of(Finding.of(r, "public network access is on without named IP ranges"));
            }
            return IpRanges.openToTheInternet(ranges).stream()
                    .map(why -> Finding.of(r, "public network access is open to the internet: " + why));
        }).toList();
    }

    /** The resource of {@code type} has a private endpoint that depends on it (it connects to its ID). */
    static Rule.Check reachedPrivately(AzureResourceType type, String problem) {
        return target -> target.ofType(type).stream()
                .filter(resource -> target.ofType(PRIVATE_ENDPOINT).stream().noneMatch(pe -> pe.dependsOn(resource)))
                .map(resource -> Finding.of(resource, problem)).toList();
    }
}
