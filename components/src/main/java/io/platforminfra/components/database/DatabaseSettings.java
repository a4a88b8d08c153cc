package io.platforminfra.components.database;

import com.pulumi.azurenative.dbforpostgresql.enums.HighAvailabilityMode;
import com.pulumi.azurenative.dbforpostgresql.enums.SkuTier;
import io.platforminfra.azure.AzureRegions;
import io.platforminfra.components.validation.Choice;
import io.platforminfra.components.validation.ObjectIds;
import io.platforminfra.components.validation.Problems;
import io.platforminfra.components.validation.Settings;
import lombok.Builder;
import lombok.Singular;
import lombok.Value;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of a PostgreSQL flexible server. Private access and Entra ID authentication are always on; password
 * authentication, smaller backups and no high availability are weaker settings that must be chosen explicitly.
 */
@Value
@Builder(toBuilder = true)
public class DatabaseSettings implements Settings {
    /** Compute tiers. */
    public static final Choice<SkuTier> TIERS = new Choice<>(List.of(SkuTier.values()), SkuTier::getValue);
    /** High-availability modes. */
    public static final Choice<HighAvailabilityMode> HIGH_AVAILABILITY_MODES = new Choice<>(List.of(
            HighAvailabilityMode.Disabled, HighAvailabilityMode.SameZone, HighAvailabilityMode.ZoneRedundant),
            HighAvailabilityMode::getValue);
    /**
     * Storage sizes (GiB) that flexible servers offer on Premium SSD, each twice the one before ("Storage always
     * doubles in size for premium disk SSD", azure-docs articles/postgresql/flexible-server/
     * how-to-auto-grow-storage-portal.md), up to 32 TiB, the largest on Premium SSD (Microsoft Q&A 1527847; the
     * storage page's own table is unverified here).
     */
    public static final List<Integer> STORAGE_SIZES_GB =
            List.of(32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);
    /** Names Azure reserves for its own databases and roles. */
    static final Set<String> RESERVED_DATABASES = Set.of("postgres", "azure_maintenance", "azure_sys",
            "template0", "template1");
    static final Set<String> RESERVED_LOGINS = Set.of("azure_superuser", "azure_pg_admin", "admin", "administrator",
            "root", "guest", "public");

    private static final Pattern SKU = Pattern.compile("Standard_[A-Za-z0-9_]+");
    private static final Pattern MAJOR_VERSION = Pattern.compile("\\d{2}");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * PostgreSQL major version. Default {@code 15}: the newest that the pinned provider's API version (2022-12-01)
     * can create and Azure supports until 2027-11-11. Which versions a run accepts on its day is decided by the dated
     * table {@code io.platforminfra.azure.VersionSupport} (docs/versions.md).
     */
    @Builder.Default
    String version = "15";

    /** Compute size, such as {@code Standard_D2ds_v5} or {@code Standard_B1ms}. Default {@code Standard_D2ds_v5}. */
    @Builder.Default
    String skuName = "Standard_D2ds_v5";

    /** Compute tier matching {@link #skuName}: Burstable, GeneralPurpose or MemoryOptimized. Default {@code GeneralPurpose}. */
    @Builder.Default
    String tier = "GeneralPurpose";

    /** Storage in GiB, a power of two from 32 to 32768 (Azure's sizes). Default {@code 128}. */
    @Builder.Default
    int storageSizeGb = 128;

    /** Days of point-in-time restore, 7 to 35. Default {@code 14}. */
    @Builder.Default
    int backupRetentionDays = 14;

    /** Whether backups are copied to the paired region. Default {@code true}; {@code false} must be chosen. */
    @Builder.Default
    boolean geoRedundantBackup = true;

    /**
     * High availability: Disabled, SameZone or ZoneRedundant (a standby in another zone). Default
     * {@code ZoneRedundant}; not available in the Burstable tier.
     */
    @Builder.Default
    String highAvailability = "ZoneRedundant";

    /**
     * Zone of the primary server. Default: zone 1 in a region with availability zones, none elsewhere. Pinned, so
     * the server's zone is chosen by review, not by Azure; changes after creation are ignored, because a failover
     * swaps primary and standby zones ("They should be reversed after the failover operation finishes",
     * high-availability/how-to-configure-high-availability.md) and the zone can only be set at creation.
     */
    String availabilityZone;

    /**
     * Zone of the zone-redundant standby. Default: zone 2 in a region with availability zones. Used only with
     * {@code highAvailability: ZoneRedundant}; must differ from {@link #availabilityZone}. Ignored after creation,
     * like the primary's zone.
     */
    String standbyAvailabilityZone;

    /** Databases to create (lowercase identifiers). Default: none. */
    @Singular
    List<String> databases;

    /** Object ID of the Entra ID group that administers the server. Required. */
    String adminGroupObjectId;

    /** Display name of that group; PostgreSQL uses it as the administrator role's name. Required. */
    String adminGroupName;

    /**
     * Whether password authentication is on besides Entra ID. Default {@code false}. When on, the password comes
     * from the secret {@code platform-infra:databaseAdminPassword}, which must then be set, and is stored in the
     * stage's Key Vault.
     */
    @Builder.Default
    boolean passwordAuth = false;

    /** Login of the password administrator, used only with {@link #passwordAuth}. Default {@code psqladmin}. */
    @Builder.Default
    String administratorLogin = "psqladmin";

    /** Settings with every default; the admin group must still be set. */
    public static DatabaseSettings defaults() {
        return builder().build();
    }

    /** The primary's zone in a region with {@code regionZones}: the one set, or the first, or none. */
    public String primaryZone(List<String> regionZones) {
        return availabilityZone != null ? availabilityZone : regionZones.isEmpty() ? null : regionZones.get(0);
    }

    /** The zone-redundant standby's zone: the one set, or the region's second, or none. */
    public String standbyZone(List<String> regionZones) {
        if (!isHighAvailability(HighAvailabilityMode.ZoneRedundant)) {
            return null;
        }
        return standbyAvailabilityZone != null ? standbyAvailabilityZone
                : regionZones.size() < 2 ? null : regionZones.get(1);
    }

    /** Whether {@link #highAvailability} is written as {@code mode}. */
    public boolean isHighAvailability(HighAvailabilityMode mode) {
        return HIGH_AVAILABILITY_MODES.read(highAvailability).equals(Optional.of(mode));
    }

    private void checkZones(Problems problems) {
        if (availabilityZone != null) {
            problems.oneOf("availabilityZone", availabilityZone, AzureRegions.ZONES);
        }
        if (standbyAvailabilityZone != null) {
            problems.oneOf("standbyAvailabilityZone", standbyAvailabilityZone, AzureRegions.ZONES);
            problems.check(isHighAvailability(HighAvailabilityMode.ZoneRedundant), "standbyAvailabilityZone", standbyAvailabilityZone,
                    "be set only with highAvailability: ZoneRedundant");
        }
        problems.check(availabilityZone == null || !availabilityZone.equals(standbyAvailabilityZone),
                "standbyAvailabilityZone", standbyAvailabilityZone, "differ from availabilityZone (" + availabilityZone
                        + "): a zone-redundant standby lives in another zone");
    }

    @Override
    public void check(Problems problems) {
        problems.check(version != null && MAJOR_VERSION.matcher(version).matches(), "version", version,
                "be a PostgreSQL major version such as 15 (quoted, so YAML reads it as text)");
        checkZones(problems);
        problems.check(skuName != null && SKU.matcher(skuName).matches(), "skuName", skuName,
                "be a flexible server compute size such as Standard_D2ds_v5 or Standard_B1ms");
        problems.oneOf("tier", tier, TIERS);
        problems.oneOf("storageSizeGb", storageSizeGb, STORAGE_SIZES_GB);
        problems.inRange("backupRetentionDays", backupRetentionDays, 7, 35);
        if (problems.oneOf("highAvailability", highAvailability, HIGH_AVAILABILITY_MODES)) {
            problems.check(isHighAvailability(HighAvailabilityMode.Disabled)
                            || !TIERS.read(tier).equals(Optional.of(SkuTier.Burstable)), "highAvailability",
                    highAvailability, "be Disabled in the Burstable tier (Azure offers no standby there)");
        }
        problems.each("databases", databases, d -> d != null && IDENTIFIER.matcher(d).matches(),
                "be a lowercase identifier: letters, digits and underscores, at most 63, not starting with a digit");
        problems.each("databases", databases, d -> !RESERVED_DATABASES.contains(d),
                "not be a name Azure reserves (" + String.join(", ", RESERVED_DATABASES.stream().sorted().toList()) + ")");
        problems.check(new HashSet<>(databases).size() == databases.size(), "databases", databases,
                "not list a database twice");
        problems.check(ObjectIds.isObjectId(adminGroupObjectId), "adminGroupObjectId", adminGroupObjectId,
                "be the object ID (a GUID) of the Entra ID group that administers the server");
        problems.check(adminGroupName != null && !adminGroupName.isBlank(), "adminGroupName", adminGroupName,
                "be the display name of that Entra ID group");
        if (passwordAuth) {
            problems.check(administratorLogin != null && IDENTIFIER.matcher(administratorLogin).matches()
                            && !administratorLogin.startsWith("pg_") && !RESERVED_LOGINS.contains(administratorLogin),
                    "administratorLogin", administratorLogin,
                    "be a lowercase identifier that does not start with pg_ and is not reserved ("
                            + String.join(", ", RESERVED_LOGINS.stream().sorted().toList()) + ")");
        }
    }
}
