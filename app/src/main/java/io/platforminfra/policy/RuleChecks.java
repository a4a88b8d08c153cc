package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.IpRanges;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The shapes of judgement that rules of several areas share, so that each area's checks say only what differs: which
 * resources, which input, what must hold and what is wrong otherwise.
 */
final class RuleChecks {
    private RuleChecks() {
    }

    /** The resources of {@code type}, registered with or without an explicit API version. */
    static Predicate<PolicyResource> ofType(AzureResourceType type) {
        return resource -> resource.azureType().filter(type::equals).isPresent();
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

    /** Every finding of each of {@code checks}, in their order: one rule that judges several kinds of resource. */
    static Rule.Check allOf(Rule.Check... checks) {
        return target -> Stream.of(checks).flatMap(check -> check.evaluate(target).stream()).toList();
    }

    /** A check of every resource of {@code type}: a finding for each of the problems {@code problems} names. */
    static Rule.Check problems(AzureResourceType type, Function<PolicyResource, Stream<String>> problems) {
        return target -> target.ofType(type).stream()
                .flatMap(resource -> problems.apply(resource).map(problem -> Finding.of(resource, problem))).toList();
    }

    /** A check of every resource of {@code type}: a finding with {@code problem} where {@code holds} is false. */
    static Rule.Check each(AzureResourceType type, Predicate<PolicyResource> holds, String problem) {
        return each(ofType(type), holds, problem);
    }

    /** A check of every resource {@code subjects} selects: a finding with {@code problem} where {@code holds} fails. */
    static Rule.Check each(Predicate<PolicyResource> subjects, Predicate<PolicyResource> holds, String problem) {
        return target -> target.resources().stream().filter(subjects.and(holds.negate()))
                .map(resource -> Finding.of(resource, problem)).toList();
    }

    /** A resource of {@code type} whose input at {@code path} is {@code expected}; {@code problem} where it is not. */
    static Rule.Check inputIs(AzureResourceType type, String path, Object expected, String problem) {
        return each(type, resource -> resource.is(path, expected), problem);
    }

    /** A resource of {@code type} whose text at {@code path} is known and {@code holds}; {@code problem} otherwise. */
    static Rule.Check textIs(AzureResourceType type, String path, Predicate<String> holds, String problem) {
        return each(type, resource -> resource.text(path).filter(holds).isPresent(), problem);
    }

    /** A resource of {@code type} whose number at {@code path} is at least {@code least}; {@code problem} otherwise. */
    static Rule.Check atLeast(AzureResourceType type, String path, double least, String problem) {
        return each(type, resource -> resource.number(path).filter(number -> number >= least).isPresent(), problem);
    }

    /**
     * Each resource {@code subjects} selects has a resource of {@code dependentType} attached to it (depending on
     * it) for which {@code which} holds: a diagnostic setting, a lock, a private endpoint; {@code problem} otherwise.
     */
    static Rule.Check attached(Predicate<PolicyResource> subjects, AzureResourceType dependentType,
                               Predicate<PolicyResource> which, String problem) {
        return target -> target.resources().stream().filter(subjects)
                .filter(subject -> dependents(target, dependentType, subject).stream().noneMatch(which))
                .map(subject -> Finding.of(subject, problem)).toList();
    }

    /**
     * A resource of {@code type} that {@code opening} does not find open to the internet; where it does, a finding
     * with {@code problem} and the reason.
     */
    static Rule.Check closed(AzureResourceType type, Function<PolicyResource, Optional<String>> opening,
                             String problem) {
        return problems(type, resource -> opening.apply(resource).map(why -> problem + ": " + why).stream());
    }

    /**
     * Public access is off, or on only for specific ranges that together do not open the resource to the internet
     * ({@link IpRanges#openToTheInternet}: judged on what the list covers, not on how an entry is spelled).
     */
    static Rule.Check publicAccessLimited(AzureResourceType type, String accessPath, String rulesPath, String rangeField) {
        return problems(type, resource -> {
            if (resource.is(accessPath, "Disabled")) {
                return Stream.empty();
            }
            var ranges = resource.list(rulesPath).stream()
                    .map(rule -> rule instanceof Map<?, ?> m ? m.get(rangeField) : rule).toList();
            if (ranges.isEmpty()) {
                return Stream.of("public network access is on without named IP ranges");
            }
            return IpRanges.openToTheInternet(ranges).stream()
                    .map(why -> "public network access is open to the internet: " + why);
        });
    }
}
