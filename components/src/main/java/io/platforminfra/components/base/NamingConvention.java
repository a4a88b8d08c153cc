package io.platforminfra.components.base;

import io.platforminfra.components.validation.Problem;
import io.platforminfra.components.validation.Problems;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.NamingRules;
import io.platforminfra.azure.AzureRegions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The one naming convention of the platform: {@code <abbreviation>-<workload>-<stage>-<region>[-<qualifier>]},
 * plus a deterministic suffix for names that must be unique across Azure.
 *
 * <p>The suffix is derived from workload, stage and region, never random: a random suffix would change on every
 * run and show as a replacement in every preview. Storage account names drop the hyphens, as Azure requires.
 * Every name is checked against its type's rules ({@link AzureResourceType#naming()}); an impossible name fails
 * early with the rule it breaks.
 *
 * @param workload short name of the product or platform, for example {@code plat}
 * @param stage    the stage (Pulumi stack), for example {@code dev}
 * @param region   the Azure region's programmatic name, for example {@code westeurope}
 */
public record NamingConvention(String workload, String stage, String region) {
    private static final int SUFFIX_LENGTH = 4;

    /** The Azure name of the one resource of {@code type} in this stage. */
    public String name(AzureResourceType type) {
        return name(type, null);
    }

    /**
     * The Azure name of a resource of {@code type}, told apart from its siblings by {@code qualifier}
     * (for example the subnet {@code nodes}).
     *
     * @throws IllegalArgumentException when the name breaks Azure's rules for {@code type}, or the platform does
     *                                  not name resources of {@code type}
     */
    public String name(AzureResourceType type, String qualifier) {
        return name(rulesOf(type), qualifier);
    }

    private String name(NamingRules rules, String qualifier) {
        var parts = new ArrayList<>(List.of(rules.abbreviation(), workload, stage, regionCode()));
        if (qualifier != null) {
            parts.add(qualifier);
        }
        if (rules.globallyUnique()) {
            parts.add(uniqueSuffix());
        }
        var name = String.join(rules.allowsHyphens() ? "-" : "", parts);
        if (!rules.allowsHyphens()) {
            name = name.toLowerCase();
        }
        if (!rules.accepts(name)) {
            throw new IllegalArgumentException("The name '" + name + "' (" + name.length() + " characters) derived "
                    + "from stage '" + stage + "' and region '" + region + "' cannot be used: it must "
                    + rules.rule() + ". Use a shorter stage name.");
        }
        return name;
    }

    /** Every problem that keeps this convention from naming all the resource types it names (empty when it can). */
    public List<Problem> problems() {
        var problems = new Problems();
        if (!problems.check(regionCodeOrNull() != null, "region", region,
                "be an Azure region this platform knows (" + String.join(", ", AzureRegions.names()) + ")")) {
            return problems.list();
        }
        for (var rules : rulesOfNamedTypes()) {
            try {
                name(rules, null);
            } catch (IllegalArgumentException e) {
                problems.check(false, "stage", stage, "yield a valid " + rules.noun()
                        + " name, but '" + rawName(rules) + "' breaks the rule: " + rules.rule());
            }
        }
        return problems.list();
    }

    /**
     * The naming rules of {@code type}.
     *
     * @throws IllegalArgumentException for a type the platform does not name (the table gives it no rules)
     */
    static NamingRules rulesOf(AzureResourceType type) {
        return type.naming().orElseThrow(() -> new IllegalArgumentException(
                "The platform's naming convention does not name resources of type " + type.token()));
    }

    /** The rules of every type the platform names, in the order of the table. */
    private static List<NamingRules> rulesOfNamedTypes() {
        return Arrays.stream(AzureResourceType.values()).flatMap(type -> type.naming().stream()).toList();
    }

    /** The short region code used in names, for example {@code weu}. */
    public String regionCode() {
        var code = regionCodeOrNull();
        if (code == null) {
            throw new IllegalArgumentException("Unknown Azure region '" + region + "'");
        }
        return code;
    }

    private String regionCodeOrNull() {
        return AzureRegions.shortCode(region).orElse(null);
    }

    private String rawName(NamingRules rules) {
        var parts = List.of(rules.abbreviation(), workload, stage, regionCode(), uniqueSuffix());
        return String.join(rules.allowsHyphens() ? "-" : "", rules.globallyUnique() ? parts : parts.subList(0, 4));
    }

    /** Four hex characters derived from workload, stage and region: stable from run to run and machine to machine. */
    public String uniqueSuffix() {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((workload + "/" + stage + "/" + region).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, SUFFIX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
