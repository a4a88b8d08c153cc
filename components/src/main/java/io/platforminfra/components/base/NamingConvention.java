package io.platforminfra.components.base;

import io.platforminfra.components.validation.Problem;
import io.platforminfra.components.validation.Problems;

import io.platforminfra.azure.AzureResourceKind;
import io.platforminfra.azure.AzureRegions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one naming convention of the platform: {@code <abbreviation>-<workload>-<stage>-<region>[-<qualifier>]},
 * plus a deterministic suffix for names that must be unique across Azure.
 *
 * <p>The suffix is derived from workload, stage and region, never random: a random suffix would change on every
 * run and show as a replacement in every preview. Storage account names drop the hyphens, as Azure requires.
 * Every name is checked against its type's rules ({@link AzureResourceKind}); an impossible name fails early
 * with the rule it breaks.
 *
 * @param workload short name of the product or platform, for example {@code plat}
 * @param stage    the stage (Pulumi stack), for example {@code dev}
 * @param region   the Azure region's programmatic name, for example {@code westeurope}
 */
public record NamingConvention(String workload, String stage, String region) {
    private static final int SUFFIX_LENGTH = 4;

    /** The Azure name of the one resource of {@code kind} in this stage. */
    public String name(AzureResourceKind kind) {
        return name(kind, null);
    }

    /**
     * The Azure name of a resource of {@code kind}, told apart from its siblings by {@code qualifier}
     * (for example the subnet {@code nodes}).
     *
     * @throws IllegalArgumentException when the name breaks Azure's rules for {@code kind}
     */
    public String name(AzureResourceKind kind, String qualifier) {
        var parts = new ArrayList<>(List.of(kind.abbreviation(), workload, stage, regionCode()));
        if (qualifier != null) {
            parts.add(qualifier);
        }
        if (kind.globallyUnique()) {
            parts.add(uniqueSuffix());
        }
        var name = String.join(kind.allowsHyphens() ? "-" : "", parts);
        if (!kind.allowsHyphens()) {
            name = name.toLowerCase();
        }
        if (!kind.accepts(name)) {
            throw new IllegalArgumentException("The name '" + name + "' (" + name.length() + " characters) derived "
                    + "from stage '" + stage + "' and region '" + region + "' cannot be used: it must "
                    + kind.rule() + ". Use a shorter stage name.");
        }
        return name;
    }

    /** Every problem that keeps this convention from naming all resource kinds (empty when it can). */
    public List<Problem> problems() {
        var problems = new Problems();
        if (!problems.check(regionCodeOrNull() != null, "region", region,
                "be an Azure region this platform knows (" + String.join(", ", AzureRegions.names()) + ")")) {
            return problems.list();
        }
        for (var kind : AzureResourceKind.values()) {
            try {
                name(kind, null);
            } catch (IllegalArgumentException e) {
                problems.check(false, "stage", stage, "yield a valid " + kind.name().toLowerCase().replace('_', ' ')
                        + " name, but '" + rawName(kind) + "' breaks the rule: " + kind.rule());
            }
        }
        return problems.list();
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

    private String rawName(AzureResourceKind kind) {
        var parts = List.of(kind.abbreviation(), workload, stage, regionCode(), uniqueSuffix());
        return String.join(kind.allowsHyphens() ? "-" : "", kind.globallyUnique() ? parts : parts.subList(0, 4));
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
