package io.platforminfra.program;

import io.platforminfra.config.EnvironmentType;

import io.platforminfra.azure.Deployer;
import io.platforminfra.pipelines.NamingScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the deploying identities may do is written down twice: {@code scripts/bootstrap.sh} grants it in Azure, and
 * {@link Deployer} tells the offline engine, so that {@code plan} refuses what a release would be refused. The two
 * must say the same, or {@code plan} passes a change that Azure then refuses (or refuses one Azure would accept).
 * Each check runs on the script in the repository and, broken on purpose, on a copy, so it is known to fail.
 */
class DeployerMatchesBootstrapTest {
    private static final String DEPLOYER = "vocabulary/src/main/java/io/platforminfra/azure/Deployer.java";
    private static final String BOTH = " Change " + BootstrapScript.PATH + " and " + DEPLOYER + " together (the script"
            + " decides what Azure allows, Deployer what the offline plan allows), then re-run the bootstrap"
            + " (docs/bootstrap.md#re-run).";
    private static final String PROD_IDENTITY =
            NamingScheme.identity(EnvironmentType.PRODUCTION.configValue(), NamingScheme.Role.DEPLOY);
    private static final String PROD_SCOPE = "subscription:" + EnvironmentType.PRODUCTION.configValue();
    private static final String PROD_SUBSCRIPTION = "/subscriptions/$prod_subscription";
    private static final Pattern PRINCIPAL_TYPES =
            Pattern.compile("StringEqualsIgnoreCase \\{(\\$\\{(\\w+)}|[^}]*)}");

    // ----------------------------------------------------------------------------------------------------------
    // The checks: each returns its problems, every message naming the file to change.

    static List<String> assignableRoles(BootstrapScript script) {
        var roles = script.array("PROGRAM_ASSIGNED_ROLES");
        if (roles.isEmpty()) {
            return List.of(BootstrapScript.PATH + " has no `readonly PROGRAM_ASSIGNED_ROLES=(` ... `)` block: restore"
                    + " it there (.ci/run reads it too).");
        }
        var inScript = new TreeSet<>(roles.get());
        var inDeployer = new TreeSet<>(Deployer.ASSIGNABLE_ROLES);
        return inScript.equals(inDeployer) ? List.of() : List.of("PROGRAM_ASSIGNED_ROLES in " + BootstrapScript.PATH
                + " is " + inScript + " but Deployer.ASSIGNABLE_ROLES in " + DEPLOYER + " is " + inDeployer + "."
                + BOTH);
    }

    static List<String> principalTypes(BootstrapScript script) {
        var problems = new ArrayList<String>();
        var expected = Set.copyOf(Deployer.ASSIGNABLE_PRINCIPAL_TYPES);
        var matcher = PRINCIPAL_TYPES.matcher(script.text());
        var found = false;
        while (matcher.find()) {
            found = true;
            var types = matcher.group(2) != null ? typesFromList(script, matcher.group(2))
                    : quoted(matcher.group(1));
            if (!Set.copyOf(types).equals(expected) || types.size() != expected.size()) {
                problems.add("the delegation condition in " + BootstrapScript.PATH + " lets the deploying identities"
                        + " assign roles to principal types " + types + " but Deployer.ASSIGNABLE_PRINCIPAL_TYPES in "
                        + DEPLOYER + " is " + Deployer.ASSIGNABLE_PRINCIPAL_TYPES + "." + BOTH);
            }
        }
        if (!found) {
            problems.add(BootstrapScript.PATH + " has no delegation condition on"
                    + " Microsoft.Authorization/roleAssignments:PrincipalType (StringEqualsIgnoreCase {...}): without"
                    + " it the deploying identities could assign roles to anyone. Restore it in " + BootstrapScript.PATH
                    + ".");
        }
        return problems;
    }

    static List<String> customRoles(BootstrapScript script) {
        var problems = new ArrayList<String>();
        var roles = definedCustomRoles(script);
        for (var role : List.of(Deployer.POLICY_ASSIGNMENT_OPERATOR, Deployer.LOCK_OPERATOR)) {
            var defined = roles.get(role.name());
            if (defined == null) {
                problems.add(BootstrapScript.PATH + " creates no custom role named '" + role.name()
                        + "' (ensure_custom_role; it creates " + roles.keySet() + ") but Deployer in " + DEPLOYER
                        + " relies on it." + BOTH);
            } else if (!new LinkedHashSet<>(defined.actions()).equals(new LinkedHashSet<>(role.actions()))
                    || defined.actions().size() != role.actions().size()) {
                problems.add("custom role '" + role.name() + "' has actions " + defined.actions() + " in "
                        + BootstrapScript.PATH + " but " + role.actions() + " in " + DEPLOYER + "." + BOTH);
            }
        }
        var known = Set.of(Deployer.POLICY_ASSIGNMENT_OPERATOR.name(), Deployer.LOCK_OPERATOR.name());
        roles.keySet().stream().filter(name -> !known.contains(name)).forEach(name -> problems.add(
                BootstrapScript.PATH + " creates custom role '" + name + "', which " + DEPLOYER + " does not know"
                        + " (Deployer.POLICY_ASSIGNMENT_OPERATOR, Deployer.LOCK_OPERATOR)." + BOTH));
        return problems;
    }

    static List<String> lockRoleOnlyForProduction(BootstrapScript script) {
        var problems = new ArrayList<String>();
        var lock = definedCustomRoles(script).get(Deployer.LOCK_OPERATOR.name());
        var fix = " Only the production deploying identity may write locks, only on the production subscription:"
                + " in " + BootstrapScript.PATH + " planned_roles gives \"$LOCK_OPERATOR_ROLE\" to " + PROD_IDENTITY
                + " on its subscription, and to nobody else.";
        if (lock == null) {
            return List.of(BootstrapScript.PATH + " creates no custom role named '" + Deployer.LOCK_OPERATOR.name()
                    + "' (ensure_custom_role), so the production deploying identity cannot write the locks that"
                    + " Deployer in " + DEPLOYER + " lets it write." + BOTH);
        }
        lock.scopes().stream().filter(scope -> !scope.equals(PROD_SUBSCRIPTION)).forEach(scope -> problems.add(
                "custom role '" + lock.name() + "' is made assignable on " + scope + " in " + BootstrapScript.PATH
                        + ": only " + PROD_SUBSCRIPTION + " is allowed." + fix));
        var run = script.run("--print-roles");
        if (run.exitCode() != 0) {
            problems.add(BootstrapScript.PATH + " --print-roles failed (exit " + run.exitCode() + "): " + run.output());
            return problems;
        }
        var assignments = 0;
        for (var row : run.rows(3)) {
            if (row.size() == 3 && row.get(2).equals(lock.name())) {
                assignments++;
                if (!row.get(0).equals(PROD_IDENTITY) || !row.get(1).equals(PROD_SCOPE)) {
                    problems.add(BootstrapScript.PATH + " assigns custom role '" + lock.name() + "' to " + row.get(0)
                            + " on " + row.get(1) + "." + fix);
                }
            }
        }
        if (assignments == 0) {
            problems.add(BootstrapScript.PATH + " never assigns custom role '" + lock.name() + "' to the production"
                    + " deploying identity, which Deployer.PRODUCTION in " + DEPLOYER + " expects to write locks."
                    + BOTH);
        }
        return problems;
    }

    // ----------------------------------------------------------------------------------------------------------
    // The repository's script and Deployer agree.

    /** Each check above, by what it compares. */
    static Stream<Arguments> agreements() {
        return Stream.of(
                agreement("the roles the deployers may assign", DeployerMatchesBootstrapTest::assignableRoles),
                agreement("the principal types the deployers may assign to",
                        DeployerMatchesBootstrapTest::principalTypes),
                agreement("the custom roles' names and actions", DeployerMatchesBootstrapTest::customRoles),
                agreement("the lock role: only the production deployer, only on the production subscription",
                        DeployerMatchesBootstrapTest::lockRoleOnlyForProduction));
    }

    private static Arguments agreement(String what, Function<BootstrapScript, List<String>> check) {
        return arguments(what, check);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agreements")
    void theScriptAndDeployerAgreeOn(String what, Function<BootstrapScript, List<String>> check) {
        assertThat(check.apply(BootstrapScript.inProject())).isEmpty();
    }

    @Test
    void theScriptsDelegationPrincipalTypesAreTheOnesDeployerMayAssignTo() {
        assertThat(BootstrapScript.inProject().array("DELEGATION_PRINCIPAL_TYPES"))
                .as("DELEGATION_PRINCIPAL_TYPES in " + BootstrapScript.PATH)
                .hasValueSatisfying(types -> assertThat(types)
                        .containsExactlyInAnyOrderElementsOf(Deployer.ASSIGNABLE_PRINCIPAL_TYPES));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Each check fails when the script is changed alone.

    @Test
    void aRoleAddedOnlyToTheScriptIsReportedWithBothFiles() {
        var broken = broken(text -> text.replace("readonly PROGRAM_ASSIGNED_ROLES=(\n",
                "readonly PROGRAM_ASSIGNED_ROLES=(\n  8e3af657-a8ff-443c-a75c-2fe8c4bcb635\n"));
        assertThat(assignableRoles(broken)).singleElement().asString()
                .contains("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", BootstrapScript.PATH, DEPLOYER);
    }

    @Test
    void aPrincipalTypeAddedOnlyToTheScriptIsReported() {
        var broken = broken(text -> text.replace("readonly DELEGATION_PRINCIPAL_TYPES=(\n",
                "readonly DELEGATION_PRINCIPAL_TYPES=(\n  User\n"));
        assertThat(principalTypes(broken)).isNotEmpty().first().asString().contains("User", DEPLOYER);
    }

    @Test
    void aPrincipalTypeWrittenIntoTheConditionIsReported() {
        var broken = broken(text -> text.replace("StringEqualsIgnoreCase {${type_list}}",
                "StringEqualsIgnoreCase {'ServicePrincipal', 'Group', 'User'}"));
        assertThat(principalTypes(broken)).isNotEmpty().first().asString().contains("User", BootstrapScript.PATH);
    }

    @Test
    void aCustomRoleActionChangedOnlyInTheScriptIsReported() {
        var broken = broken(text -> text.replace("  Microsoft.Authorization/locks/delete\n",
                "  Microsoft.Authorization/locks/delete\n  Microsoft.Authorization/*\n"));
        assertThat(customRoles(broken)).singleElement().asString()
                .contains(Deployer.LOCK_OPERATOR.name(), "Microsoft.Authorization/*", DEPLOYER);
    }

    @Test
    void aCustomRoleRenamedOnlyInTheScriptIsReported() {
        var broken = broken(text -> text.replace("\"" + Deployer.POLICY_ASSIGNMENT_OPERATOR.name() + "\"",
                "\"platform-infra Policy Operator\""));
        assertThat(customRoles(broken)).hasSize(2).anySatisfy(problem -> assertThat(problem)
                .contains("no custom role named '" + Deployer.POLICY_ASSIGNMENT_OPERATOR.name() + "'", DEPLOYER));
    }

    @Test
    void theLockRoleAssignedToTheDevelopmentDeployerIsReported() {
        var broken = broken(text -> text.replace(
                "[[ $ring != production ]] || printf '%s %s\\n' subscription \"$LOCK_OPERATOR_ROLE\"",
                "printf '%s %s\\n' subscription \"$LOCK_OPERATOR_ROLE\""));
        assertThat(lockRoleOnlyForProduction(broken)).singleElement().asString()
                .contains(NamingScheme.identity(EnvironmentType.DEVELOPMENT.configValue(), NamingScheme.Role.DEPLOY),
                        "subscription:development", BootstrapScript.PATH);
    }

    @Test
    void theLockRoleGivenToAReadIdentityIsReported() {
        var broken = broken(text -> text.replace("key \"$ROLE_KV_CRYPTO_USER\"\n  else",
                "key \"$ROLE_KV_CRYPTO_USER\" subscription \"$LOCK_OPERATOR_ROLE\"\n  else"));
        assertThat(lockRoleOnlyForProduction(broken)).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("-read on subscription:", Deployer.LOCK_OPERATOR.name()));
    }

    @Test
    void theLockRoleMadeAssignableOnTheNonProductionSubscriptionIsReported() {
        var lockScopes = "\"${LOCK_OPERATOR_ACTIONS[*]}\" \\\n  \"/subscriptions/$prod_subscription\"";
        var broken = broken(text -> text.replace(lockScopes,
                lockScopes + " \"/subscriptions/$nonprod_subscription\""));
        assertThat(lockRoleOnlyForProduction(broken)).singleElement().asString()
                .contains("/subscriptions/$nonprod_subscription", BootstrapScript.PATH);
    }

    // ----------------------------------------------------------------------------------------------------------

    /** A custom role as the script creates it: name, actions, and assignable scopes as written. */
    private record DefinedRole(String name, List<String> actions, List<String> scopes) {
    }

    /** Every {@code ensure_custom_role NAME DESCRIPTION "ACTION..." SCOPE...} of the script, by role name. */
    private static Map<String, DefinedRole> definedCustomRoles(BootstrapScript script) {
        var roles = new LinkedHashMap<String, DefinedRole>();
        for (var words : script.commands()) {
            if (!words.get(0).equals("ensure_custom_role") || words.size() < 5) {
                continue;
            }
            var name = script.value(words.get(1));
            roles.put(name, new DefinedRole(name, script.values(words.get(3)), words.subList(4, words.size())));
        }
        return roles;
    }

    /**
     * The principal types of the delegation condition when it is built from
     * {@code VAR=$(printf ... "${ARRAY[@]}")}.
     */
    private static List<String> typesFromList(BootstrapScript script, String variable) {
        var definition = Pattern.compile("(?m)^" + variable + "=\\$\\(printf .*\"\\$\\{(\\w+)\\[@]}\"\\)$")
                .matcher(script.text());
        if (!definition.find()) {
            return List.of("<" + variable + " is not built from a readonly array>");
        }
        return script.array(definition.group(1)).orElse(List.of("<no readonly array " + definition.group(1) + ">"));
    }

    private static List<String> quoted(String list) {
        var values = new ArrayList<String>();
        var matcher = Pattern.compile("'([^']*)'").matcher(list);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    /** The repository's script, changed by {@code change}; the change must apply, or the test proves nothing. */
    private static BootstrapScript broken(Function<String, String> change) {
        var text = BootstrapScript.inProject().text();
        var changed = change.apply(text);
        assertThat(changed).as("the deliberate break applies to " + BootstrapScript.PATH).isNotEqualTo(text);
        return new BootstrapScript(changed);
    }
}
