package io.platforminfra.azure;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one dated table of the Kubernetes minors (AKS) and PostgreSQL majors (flexible server) this platform may run,
 * with the end of Azure's standard support for each, every row with its source. Stack-file validation refuses a
 * version outside support on the run's day, the offline engine refuses to create one, and the policy gate warns
 * {@link #WARNING_DAYS} days ahead. Nothing here reads the clock: callers pass the day.
 *
 * <p>Reading the sources: AKS gives months ("Jul 2026"); "unless an explicit date is provided, the End of Life (EOL)
 * date is the last day of the specified month" (the calendar's own rule), and a GA month is read as its last day too
 * (support is certain only then). Where Microsoft's own pages disagree, the earlier end is taken and the row says so.
 * A version not in the table is refused until a row with its source is added: that is the whole change for a new
 * version.
 */
public final class VersionSupport {
    /** The day the rows were last compared with their sources. */
    public static final LocalDate CHECKED_ON = LocalDate.of(2026, 12, 2);
    /** How many days before the end of standard support the policy gate warns. */
    public static final int WARNING_DAYS = 90;

    private static final String AKS_CALENDAR = "AKS Kubernetes release calendar, MicrosoftDocs/azure-aks-docs"
            + " articles/aks/supported-kubernetes-versions.md (ms.date 08/05/2026, commit f988e7e8)";
    private static final String POSTGRES_POLICY = "Azure Database for PostgreSQL version policy, MicrosoftDocs/"
            + "azure-databases-docs articles/postgresql/configure-maintain/concepts-version-policy.md (ms.date"
            + " 01/20/2026)";
    private static final String POSTGRES_PROVIDER_GAP = "azure-native 2.x creates flexible servers with API version"
            + " 2022-12-01, whose version list ends at 14 (15 is accepted by the service: terraform-provider-azurerm"
            + " PR 21934 kept that API version and added 15); %s needs azure-native 3.x, whose default API version"
            + " 2024-08-01 adds it (docs/upgrading.md)";

    /** What a version belongs to. */
    @Getter
    @Accessors(fluent = true)
    @RequiredArgsConstructor
    public enum Product {
        /** Kubernetes minor versions of AKS clusters. */
        KUBERNETES("Kubernetes", "AKS"),
        /** PostgreSQL major versions of Azure Database for PostgreSQL flexible servers. */
        POSTGRESQL("PostgreSQL", "Azure Database for PostgreSQL flexible server");

        /** Its name, such as {@code Kubernetes}. */
        private final String title;
        /** The Azure service whose support is meant. */
        private final String service;
    }

    /**
     * One version.
     *
     * @param product              what it is a version of
     * @param version              the minor (Kubernetes, {@code 1.35}) or major (PostgreSQL, {@code 15})
     * @param generalAvailability  first day Azure supports it (creating it before is refused as a preview)
     * @param lastDayOfSupport     last day of Azure's standard support: from the next day on it is refused
     * @param source               where the dates come from
     * @param providerGap          why the pinned provider cannot create it, when it cannot; empty otherwise
     */
    public record Release(Product product, String version, LocalDate generalAvailability,
                          LocalDate lastDayOfSupport, String source, Optional<String> providerGap) {

        /** Whether Azure supports it on {@code day}. */
        public boolean supportedOn(LocalDate day) {
            return !day.isBefore(generalAvailability) && !day.isAfter(lastDayOfSupport);
        }

        /** Whether it can be deployed with the pinned provider on {@code day}. */
        public boolean usableOn(LocalDate day) {
            return supportedOn(day) && providerGap.isEmpty();
        }
    }

    /** The table. Add a row, with its source, to allow a new version. */
    static final List<Release> TABLE = List.of(
            // PostgreSQL: "Azure Standard Support Start Date" and "Azure Standard Support End Date" columns. "You can't
            // create new servers by using a PostgreSQL version that is retired" (same page).
            postgres("11", "2019-07-24", "2026-03-31", null),
            postgres("12", "2020-09-22", "2026-03-31", null),
            postgres("13", "2021-05-25", "2026-03-31", null),
            // The extended-support page (articles/postgresql/configure-maintain/extended-support.md, ms.date
            // 03/26/2026) gives 11 Dec 2026 as the end of standard support and 12 Nov 2026 as the community's; the
            // version policy table gives 12 Nov 2026. The earlier date is taken.
            postgres("14", "2022-06-29", "2026-11-12", null),
            postgres("15", "2023-05-15", "2027-11-11", null),
            postgres("16", "2023-10-15", "2028-11-09", "16"),
            postgres("17", "2024-09-30", "2029-11-08", "17"),
            // Kubernetes: columns "AKS GA" and "End of life" (end of standard support; later only LTS on the Premium
            // tier, articles/aks/long-term-support.md). The 1.37 row was a plan when the page was written (August).
            kubernetes("1.32", "2025-04", "2026-03"),
            kubernetes("1.33", "2025-06", "2026-07"),
            kubernetes("1.34", "2025-11", "2026-11"),
            kubernetes("1.35", "2026-03", "2027-03"),
            kubernetes("1.36", "2026-06", "2027-06"),
            kubernetes("1.37", "2026-10", "2027-10"));

    private VersionSupport() {
    }

    private static Release postgres(String major, String start, String end, String providerGap) {
        return new Release(Product.POSTGRESQL, major, LocalDate.parse(start), LocalDate.parse(end), POSTGRES_POLICY,
                Optional.ofNullable(providerGap).map(version -> POSTGRES_PROVIDER_GAP.formatted("PostgreSQL " + version)));
    }

    /** A Kubernetes minor from the AKS calendar's months ({@code 2026-07}), each read as its last day. */
    private static Release kubernetes(String minor, String generalAvailability, String endOfLife) {
        return new Release(Product.KUBERNETES, minor, YearMonth.parse(generalAvailability).atEndOfMonth(),
                YearMonth.parse(endOfLife).atEndOfMonth(), AKS_CALENDAR, Optional.empty());
    }

    /** Every row of the table, in order. */
    public static List<Release> all() {
        return TABLE;
    }

    /** The row of {@code version} of {@code product}. */
    public static Optional<Release> find(Product product, String version) {
        return TABLE.stream().filter(r -> r.product() == product && r.version().equals(version)).findFirst();
    }

    /** The versions of {@code product} that can be deployed on {@code day}, oldest first. */
    public static List<String> usableOn(Product product, LocalDate day) {
        return TABLE.stream().filter(r -> r.product() == product && r.usableOn(day)).map(Release::version).toList();
    }

    /**
     * Why {@code version} of {@code product} cannot be deployed on {@code day}, phrased to complete "must ...";
     * empty when it can.
     */
    public static Optional<String> refusal(Product product, String version, LocalDate day) {
        var row = find(product, version);
        if (row.isPresent() && row.get().usableOn(day)) {
            return Optional.empty();
        }
        var usable = usableOn(product, day);
        var expectation = "be a " + product.title() + " version that " + product.service() + " supports on " + day
                + (usable.isEmpty() ? "" : " (" + String.join(", ", usable) + ")");
        if (row.isEmpty()) {
            return Optional.of(expectation + ": " + version + " is not in the version table"
                    + " (vocabulary/src/main/java/io/platforminfra/azure/VersionSupport.java, checked on " + CHECKED_ON
                    + "); add its row with the source");
        }
        var release = row.get();
        if (day.isBefore(release.generalAvailability())) {
            return Optional.of(expectation + ": " + version + " is supported from " + release.generalAvailability()
                    + " (" + release.source() + ")");
        }
        if (day.isAfter(release.lastDayOfSupport())) {
            return Optional.of(expectation + ": " + version + " left standard support after "
                    + release.lastDayOfSupport() + " (" + release.source() + ")");
        }
        return Optional.of(expectation + ": " + release.providerGap().orElseThrow());
    }

    /**
     * The last day of support of {@code version} when it is supported on {@code day} but not {@link #WARNING_DAYS}
     * days later: time to plan the upgrade.
     */
    public static Optional<LocalDate> endingSoon(Product product, String version, LocalDate day) {
        return find(product, version).filter(r -> r.supportedOn(day))
                .map(Release::lastDayOfSupport)
                .filter(last -> last.isBefore(day.plusDays(WARNING_DAYS)));
    }

    /** The table as Markdown, for docs/versions.md. */
    public static String markdown() {
        return TABLE.stream().map(r -> "| " + r.product().title() + " | " + r.version() + " | "
                        + r.generalAvailability() + " | " + r.lastDayOfSupport() + " | "
                        + r.providerGap().map(gap -> "no: needs a newer azure-native").orElse("yes") + " | "
                        + r.source() + " |")
                .collect(Collectors.joining("\n", "| Product | Version | Supported from | Last day of support | Pinned provider"
                        + " can create it | Source |\n| --- | --- | --- | --- | --- | --- |\n", "\n"));
    }
}
