package io.platforminfra.config;

import com.pulumi.azurenative.dbforpostgresql.enums.HighAvailabilityMode;
import io.platforminfra.azure.AzureRegions;
import io.platforminfra.components.aks.AksClusterSettings;
import io.platforminfra.components.base.Adoption;
import io.platforminfra.components.base.AzureResourceId;
import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.AzureTags;
import io.platforminfra.azure.VersionSupport;
import io.platforminfra.azure.IpRanges;
import io.platforminfra.components.base.NamingConvention;
import io.platforminfra.components.validation.ObjectIds;
import io.platforminfra.components.validation.Problem;
import io.platforminfra.components.validation.Settings;
import io.platforminfra.components.validation.Validatable;
import io.platforminfra.components.database.DatabaseSettings;
import io.platforminfra.components.network.NetworkSettings;
import io.platforminfra.components.storage.ObjectStorageSettings;

import io.platforminfra.policy.PolicyCheck;
import io.platforminfra.policy.Rules;
import io.platforminfra.policy.Waiver;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a stage's stack config into a {@link StageConfig}, or fails with every problem of the stack file at once.
 *
 * <p>Type mistakes are found here; the rules of each component's settings are the components' own
 * ({@link Validatable#problems()}), reported under the stack file's key, so no rule is written twice. Nothing is
 * registered before this has passed.
 */
public final class StageConfigReader {
    /** Workload part of every Azure name. */
    public static final String WORKLOAD = "plat";
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9]{1,9}");
    /** The shortest waiver reason accepted: enough for a ticket and a few words. */
    private static final int MINIMUM_WAIVER_REASON = 15;

    /**
     * Scalar keys that must hold text, with what each accepts. A map or a list there would be passed on as JSON text
     * (a tag "{owner: x}", a region that is a list). The Pulumi CLI refuses it for keys Pulumi.yaml declares as
     * {@code type: string} ("Stack '%v' with configuration key '%v' must be of type '%v'", pulumi/pulumi
     * pkg/workspace, ValidateStackConfigAndApplyProjectConfig); this reader refuses it for every text key, declared
     * or not ({@code azure-native:location}), so the offline tools and a real run agree.
     */
    private static final Map<String, String> TEXT_KEYS = textKeys();

    private StageConfigReader() {
    }

    private static Map<String, String> textKeys() {
        var keys = new LinkedHashMap<String, String>();
        keys.put(StackKeys.LOCATION, "an Azure region such as westeurope");
        keys.put(StackKeys.SUBSCRIPTION_ID, "the subscription's ID, a GUID");
        keys.put(StackKeys.ENVIRONMENT_TYPE, "development or production");
        keys.put(StackKeys.OWNER, "the name of the team or person answerable for the stage");
        keys.put(StackKeys.COST_CENTER, "the name of the cost center, such as CC-4711");
        keys.put(StackKeys.REPOSITORY, "the name of the repository, such as platform-infra");
        keys.put(StackKeys.DATABASE_ADMIN_PASSWORD, "the password, set with `pulumi config set --secret`");
        return Collections.unmodifiableMap(keys);
    }

    /**
     * Reads and validates a stage's configuration loaded from its files, as the offline tools need it, judging
     * versions as of {@code asOf}.
     *
     * @throws StackConfigException listing every problem of the stack file
     */
    public static StageConfig read(StackConfiguration configuration, LocalDate asOf,
                                   List<SettingsSection<?>> sections) {
        return read(new StackConfigurationSource(configuration), configuration.stage(), asOf, sections);
    }

    /**
     * Reads and validates the config of {@code stage}, judging versions as of {@code asOf}: a Kubernetes or
     * PostgreSQL version outside Azure's standard support on that day is refused ({@link VersionSupport}).
     *
     * @throws StackConfigException listing every problem of the stack file
     */
    public static StageConfig read(ConfigSource source, String stage, LocalDate asOf,
                                   List<SettingsSection<?>> sections) {
        var stackFile = "Pulumi." + stage + ".yaml";
        var problems = new ArrayList<Problem>();

        // A key refused here for holding a map or a list reads as unset below, and is reported only once.
        var notText = checkTextKeys(source, problems);
        var location = notText.contains(StackKeys.LOCATION) ? null : source.value(StackKeys.LOCATION).orElse(null);
        var subscriptionId = notText.contains(StackKeys.SUBSCRIPTION_ID) ? null : readSubscription(source, problems);
        var environment = notText.contains(StackKeys.ENVIRONMENT_TYPE) ? null
                : source.value(StackKeys.ENVIRONMENT_TYPE).orElse(null);
        var environmentType = EnvironmentType.fromConfig(environment);
        if (environmentType.isEmpty() && !notText.contains(StackKeys.ENVIRONMENT_TYPE)) {
            problems.add(new Problem(StackKeys.ENVIRONMENT_TYPE, environment,
                    "be one of " + String.join(", ", EnvironmentType.configValues())));
        }
        var owner = notText.contains(StackKeys.OWNER) ? null
                : required(source, StackKeys.OWNER, "name the team or person answerable for the stage", problems);
        var costCenter = notText.contains(StackKeys.COST_CENTER) ? null
                : required(source, StackKeys.COST_CENTER, "name the cost center the stage is billed to", problems);
        var repository = notText.contains(StackKeys.REPOSITORY) ? "platform-infra"
                : source.value(StackKeys.REPOSITORY).orElse("platform-infra");
        checkTagKeysArePlain(source, problems);

        if (!STAGE_NAME.matcher(stage).matches()) {
            problems.add(new Problem("stack name", stage,
                    "be 2-10 lowercase letters and digits starting with a letter, so every Azure name derived from it is valid"));
        } else {
            new NamingConvention(WORKLOAD, stage, location).problems().stream()
                    .filter(p -> !(p.field().equals("region") && notText.contains(StackKeys.LOCATION)))
                    .forEach(p -> problems.add(
                            p.field().equals("region") ? new Problem(StackKeys.LOCATION, location, p.expectation())
                                    : new Problem("stack name", stage, p.expectation())));
        }

        // Every part's settings, bound field by field; a field with a mistake keeps its default, so the settings'
        // own rules below cannot report the same mistake a second time.
        var settings = new LinkedHashMap<SettingsSection<?>, Settings>();
        for (var section : sections) {
            settings.put(section, ConfigNode.parse(section.key(), source.value(section.key()), problems)
                    .bind(section.settings()));
        }
        var adoptions = readAdoptions(ConfigNode.parse(StackKeys.ADOPT, source.value(StackKeys.ADOPT), problems),
                sections);
        var waivers = ConfigNode.parseList(StackKeys.WAIVERS, source.value(StackKeys.WAIVERS),
                node -> readWaiver(node, asOf), problems).stream().filter(java.util.Objects::nonNull).toList();
        var deployers = Deployers.read(source, problems);
        rejectUnknownKeys(source, sections, problems);

        var config = new StageConfig(stage, stackFile, location, subscriptionId, environmentType.orElse(null), owner,
                costCenter, repository, settings, adoptions, waivers, deployers);
        settings.forEach((section, partSettings) -> partSettings.problems()
                .forEach(p -> problems.add(p.under(section.key()))));
        checkClusterRangesAgainstNetwork(config, problems);
        checkVersions(config, asOf, problems);
        checkZones(config, problems);
        checkTagValues(config, problems);
        checkPassword(config, source, problems);
        checkAdoptions(config, problems);
        if (!problems.isEmpty()) {
            // One place for every problem on its way out: no secret value in the error, the log or the plan.
            var secrets = ConfigSecrets.of(source);
            throw new StackConfigException(stackFile, problems.stream().map(secrets::mask).toList());
        }
        return config;
    }

    /** The resource group and every adoptable part, each by its field, as text. */
    private static Adoptions readAdoptions(ConfigNode node, List<SettingsSection<?>> sections) {
        var ids = new LinkedHashMap<String, String>();
        node.string(Adoptions.RESOURCE_GROUP, id -> ids.put(Adoptions.RESOURCE_GROUP, id));
        sections.stream().filter(section -> section.adopts().isPresent())
                .forEach(section -> node.string(section.field(), id -> ids.put(section.field(), id)));
        node.rejectUnknownFields();
        return new Adoptions(ids);
    }

    /**
     * One waiver; {@code null} when it has problems (recorded): a waiver must name a rule that exists and may be
     * waived, say why in one line of text, and end on a real date at most {@link Waiver#MAXIMUM_DAYS} days after
     * {@code asOf}. Whether the stage has the resource is judged with the plan ({@code StagePolicy}).
     */
    private static Waiver readWaiver(ConfigNode node, LocalDate asOf) {
        var fields = new String[4];
        node.string("rule", v -> fields[0] = v).string("resource", v -> fields[1] = v)
                .string("reason", v -> fields[2] = v).string("expires", v -> fields[3] = v).rejectUnknownFields();
        var valid = node.require("rule", fields[0], id -> Rules.byId(id).isPresent(),
                "be the ID of a policy rule (see docs/policies.md)");
        // An expired waiver is itself the violation; waiving that would make expiry meaningless.
        valid = valid && node.require("rule", fields[0], id -> !id.equals(PolicyCheck.EXPIRED_WAIVER_RULE),
                "not be " + PolicyCheck.EXPIRED_WAIVER_RULE + ", which cannot be waived: renew or remove the"
                        + " expired waiver instead");
        valid &= node.require("resource", fields[1], name -> !name.isBlank(), "be the Pulumi name of a resource"
                + " (as `check` prints it)");
        var control = fields[2] == null ? -1 : firstUnprintable(fields[2]);
        valid &= node.require("reason", fields[2] == null || control < 0 ? fields[2] : escaped(fields[2]),
                reason -> control < 0 && reason.strip().length() >= MINIMUM_WAIVER_REASON,
                control >= 0 ? "be one line of printable text, without control or formatting characters (found"
                        + String.format(" U+%04X", fields[2].codePointAt(control)) + " at character " + control + ")"
                        : "say why the exception is acceptable, in at least " + MINIMUM_WAIVER_REASON + " characters");
        valid &= node.require("expires", fields[3], StageConfigReader::isDate, "be the last day it applies, as"
                + " YYYY-MM-DD");
        if (fields[3] != null && isDate(fields[3])) {
            var latest = asOf.plusDays(Waiver.MAXIMUM_DAYS);
            valid &= node.require("expires", fields[3], date -> !LocalDate.parse(date).isAfter(latest),
                    "be at most " + Waiver.MAXIMUM_DAYS + " days after " + asOf + " (" + latest + "): waivers are"
                            + " reviewed again at least twice a year; renew it in a reviewed change when it runs out");
        }
        return valid ? new Waiver(fields[0], fields[1], fields[2].strip(), LocalDate.parse(fields[3])) : null;
    }

    /**
     * Where {@code text} has its first character that is not printable text on one line (a control character such
     * as a line break, tab or terminal escape, a formatting character such as a bidirectional override, an unpaired
     * surrogate), or -1. A reason is shown in the gate's output, its reports and the review.
     */
    private static int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            switch (Character.getType(text.codePointAt(i))) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> {
                    return i;
                }
                default -> {
                }
            }
        }
        return -1;
    }

    /** {@code text} with every unprintable character as a Java-style escape (backslash, u, hex), safe to echo. */
    private static String escaped(String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (firstUnprintable(new String(Character.toChars(c))) == 0) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * A key of this project's namespace that the program does not read is a mistake (most often a typo) that
     * would otherwise be ignored without a word.
     */
    private static void rejectUnknownKeys(ConfigSource source, List<SettingsSection<?>> sections,
                                          List<Problem> problems) {
        var known = new TreeSet<>(StackKeys.all(sections));
        source.keys().stream()
                .filter(key -> key.startsWith(StackKeys.NAMESPACE + ":") && !known.contains(key))
                .sorted()
                // Never the value: a mistyped key is as likely to hold a password as anything else.
                .forEach(key -> problems.add(new Problem(key, Problem.Hidden.NOT_SHOWN,
                        ConfigNode.unknownKeyHint(key, known))));
    }

    /**
     * Every adopted ID names a resource of the right kind, in the stage's resource group: the components place
     * everything there, and an import with another group would fail only in the real preview.
     */
    private static void checkAdoptions(StageConfig config, List<Problem> problems) {
        var adoptions = config.adoptions();
        var naming = new NamingConvention(WORKLOAD, config.stage(), config.location());
        var adoptedGroup = Optional.ofNullable(adoptions.resourceGroupId());
        var resourceGroup = adoptedGroup
                .flatMap(AzureResourceId::parse).map(AzureResourceId::name)
                .orElseGet(() -> naming.problems().isEmpty() ? naming.name(AzureResourceType.RESOURCE_GROUP) : null);
        adoptedGroup.ifPresent(id -> Adoption.of(id, AzureResourceType.RESOURCE_GROUP).problems()
                .forEach(p -> problems.add(new Problem(StackKeys.ADOPT + "." + Adoptions.RESOURCE_GROUP, id,
                        p.expectation()))));
        for (var section : config.sections().keySet()) {
            var id = adoptions.idOf(section);
            if (id == null) {
                continue;
            }
            var kind = section.adopts().orElseThrow();
            var key = StackKeys.ADOPT + "." + section.field();
            var adoption = Adoption.of(id, kind);
            adoption.problems().forEach(p -> problems.add(new Problem(key, id, p.expectation())));
            adoption.id().filter(parsed -> parsed.isOf(kind) && resourceGroup != null
                            && !parsed.resourceGroup().equalsIgnoreCase(resourceGroup))
                    .ifPresent(parsed -> problems.add(new Problem(key, id, "be in the stage's resource group "
                            + resourceGroup + " (adopt its group too with " + StackKeys.ADOPT + "."
                            + Adoptions.RESOURCE_GROUP + ")")));
        }
    }

    /**
     * The stage's subscription: required, so that the stage, not whichever subscription a shell or an agent happens
     * to default to, decides where a preview or an update goes (the provider reads its config before
     * {@code ARM_SUBSCRIPTION_ID}). A GUID, not the nil GUID.
     */
    private static String readSubscription(ConfigSource source, List<Problem> problems) {
        var where = "; scripts/bootstrap.sh prints it for each stack file (docs/bootstrap.md)";
        var value = source.value(StackKeys.SUBSCRIPTION_ID).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            problems.add(new Problem(StackKeys.SUBSCRIPTION_ID, null, "name the subscription the stage deploys into,"
                    + " as a GUID" + where));
            return null;
        }
        if (!ObjectIds.isObjectId(value.get()) || ObjectIds.isNil(value.get())) {
            problems.add(new Problem(StackKeys.SUBSCRIPTION_ID, value.get(), "be a subscription ID (a GUID such as"
                    + " 0b1f6471-1bf0-4dda-aec3-cb9272f09590, not the nil GUID and not a subscription's name)" + where));
            return null;
        }
        return value.get();
    }

    private static String required(ConfigSource source, String key, String expectation, List<Problem> problems) {
        var value = source.value(key).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            problems.add(new Problem(key, null, expectation));
        }
        return value.orElse(null);
    }

    /**
     * Versions outside Azure's standard support on the run's day are refused: Azure refuses to create them, and
     * an existing cluster or server on one runs without patches (VersionSupport, one dated table with sources).
     */
    private static void checkVersions(StageConfig config, LocalDate asOf, List<Problem> problems) {
        var cluster = config.settings(AksClusterSettings.class);
        if (cluster.problems().stream().noneMatch(p -> p.field().equals("kubernetesVersion"))) {
            VersionSupport.refusal(VersionSupport.Product.KUBERNETES, cluster.getKubernetesVersion(), asOf)
                    .ifPresent(why -> problems.add(new Problem(config.section(AksClusterSettings.class).key("kubernetesVersion"),
                            cluster.getKubernetesVersion(), why)));
        }
        var database = config.settings(DatabaseSettings.class);
        if (database.problems().stream().noneMatch(p -> p.field().equals("version"))) {
            VersionSupport.refusal(VersionSupport.Product.POSTGRESQL, database.getVersion(), asOf)
                    .ifPresent(why -> problems.add(new Problem(config.section(DatabaseSettings.class).key("version"), database.getVersion(),
                            why)));
        }
    }

    /**
     * What needs availability zones is refused in a region without them, naming the key and the region: Azure
     * would refuse it at creation (zone-redundant storage, zone-redundant PostgreSQL, zonal pools; AzureRegions).
     */
    private static void checkZones(StageConfig config, List<Problem> problems) {
        var region = AzureRegions.of(config.location());
        if (region.isEmpty() || region.get().hasZones()) {
            return; // an unknown region is reported already
        }
        var noZones = "be left out or zone-free: region " + config.location() + " has no availability zones"
                + " (Azure regions list, reliability/regions-list.md)";
        var zonal = config.settings(AksClusterSettings.class).getAvailabilityZones();
        if (zonal != null && !zonal.isEmpty()) {
            problems.add(new Problem(config.section(AksClusterSettings.class).key("availabilityZones"), zonal, noZones));
        }
        var replication = config.settings(ObjectStorageSettings.class).getReplication();
        if (replication != null && replication.contains("ZRS")) {
            problems.add(new Problem(config.section(ObjectStorageSettings.class).key("replication"), replication, "not be zone-redundant (ZRS, GZRS,"
                    + " RAGZRS): region " + config.location() + " has no availability zones; LRS or GRS keep copies"
                    + " within datacenters there"));
        }
        var database = config.settings(DatabaseSettings.class);
        if (database.isHighAvailability(HighAvailabilityMode.ZoneRedundant)) {
            problems.add(new Problem(config.section(DatabaseSettings.class).key("highAvailability"), database.getHighAvailability(),
                    "be SameZone or Disabled: zone-redundant high availability \"is only available in regions that"
                            + " have support for availability zones\" and region " + config.location() + " has none"));
        }
        if (database.getAvailabilityZone() != null) {
            problems.add(new Problem(config.section(DatabaseSettings.class).key("availabilityZone"), database.getAvailabilityZone(), noZones));
        }
        if (database.getStandbyAvailabilityZone() != null) {
            problems.add(new Problem(config.section(DatabaseSettings.class).key("standbyAvailabilityZone"),
                    database.getStandbyAvailabilityZone(), noZones));
        }
    }

    /** Records a problem for every text key holding a map or a list; returns those keys. */
    private static Set<String> checkTextKeys(ConfigSource source, List<Problem> problems) {
        var refused = new HashSet<String>();
        TEXT_KEYS.forEach((key, accepted) -> source.value(key).flatMap(ConfigNode::structure).ifPresent(kind -> {
            refused.add(key);
            problems.add(new Problem(key, source.value(key).orElseThrow(), "be text (" + accepted + "), not a "
                    + kind));
        }));
        return refused;
    }

    /**
     * Keys that become tags may not be secret: a tag is plain text to anyone who may read the resource (Reader),
     * and Azure copies it into cost reports, deployment histories and exported templates. Refusing the key is the
     * only safe answer; tagging [secret] would tag every resource with a lie.
     */
    private static void checkTagKeysArePlain(ConfigSource source, List<Problem> problems) {
        StandardTags.TAGGED_KEYS.forEach(tagged -> {
            var key = tagged.key();
            var tag = tagged.tag();
            if (source.isSecret(key)) {
                problems.add(new Problem(key, Problem.Hidden.SECRET, "be plain text, not a secret: it becomes the tag"
                        + " '" + tag + "' on every resource, and tags are readable by anyone with Reader on them (\"Tags"
                        + " are stored as plain text. Never add sensitive values to tags\", " + AzureTags.SOURCE + ")"));
            }
        });
    }

    /** Keys that become tags must fit Azure's tag value limit (AzureTags), or every resource would be refused. */
    private static void checkTagValues(StageConfig config, List<Problem> problems) {
        StandardTags.TAGGED_KEYS.forEach(tagged -> {
            var value = tagged.value().apply(config);
            if (value != null && value.length() > AzureTags.MAX_VALUE_LENGTH) {
                problems.add(new Problem(tagged.key(), value.substring(0, 40) + "… (" + value.length() + " characters)",
                        "have at most " + AzureTags.MAX_VALUE_LENGTH + " characters, Azure's limit for a tag value ("
                                + AzureTags.SOURCE + ")"));
            }
        });
    }

    private static void checkClusterRangesAgainstNetwork(StageConfig config, List<Problem> problems) {
        var network = config.settings(NetworkSettings.class);
        var cluster = config.settings(AksClusterSettings.class);
        var addressSpace = network.getAddressSpace();
        if (!network.problems().isEmpty() || !cluster.problems().isEmpty()) {
            return; // ranges are compared only once each is valid on its own
        }
        for (var range : List.of("serviceCidr", "podCidr")) {
            var clusterRange = range.equals("serviceCidr") ? cluster.getServiceCidr() : cluster.getPodCidr();
            if (IpRanges.overlap(addressSpace, clusterRange)) {
                problems.add(new Problem(config.section(AksClusterSettings.class).key() + "." + range, clusterRange,
                        "not overlap " + config.section(NetworkSettings.class).key("addressSpace") + " (" + addressSpace + ")"));
            }
        }
    }

    private static void checkPassword(StageConfig config, ConfigSource source, List<Problem> problems) {
        var passwordAuth = config.settings(DatabaseSettings.class).isPasswordAuth();
        var passwordSet = source.isSet(StackKeys.DATABASE_ADMIN_PASSWORD);
        if (passwordAuth && !passwordSet) {
            problems.add(new Problem(StackKeys.DATABASE_ADMIN_PASSWORD, null, "be set with `pulumi config set --secret "
                    + StackKeys.DATABASE_ADMIN_PASSWORD + "` because " + config.section(DatabaseSettings.class).key() + ".passwordAuth is true"));
        } else if (!passwordAuth && passwordSet) {
            problems.add(new Problem(StackKeys.DATABASE_ADMIN_PASSWORD, Problem.Hidden.SECRET, "be removed, or "
                    + config.section(DatabaseSettings.class).key() + ".passwordAuth set to true (an unused password is a liability)"));
        }
        if (passwordSet && !source.isSecret(StackKeys.DATABASE_ADMIN_PASSWORD)) {
            problems.add(new Problem(StackKeys.DATABASE_ADMIN_PASSWORD, Problem.Hidden.NOT_SHOWN,
                    "be encrypted: set it again with `pulumi config set --secret`"));
        }
    }
}
