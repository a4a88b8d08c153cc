package io.platforminfra.components.network;

import io.platforminfra.components.validation.InvalidSettingsException;
import io.platforminfra.offline.MockedRun;
import io.platforminfra.offline.RunResult;
import io.platforminfra.testing.TestArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.platforminfra.testing.Assertions.assertAllParentedTo;
import static io.platforminfra.testing.Assertions.assertRejectedBeforeRegistering;
import static io.platforminfra.testing.Assertions.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

class NetworkTest {
    static RunResult deploy(NetworkSettings settings) {
        return MockedRun.builder().run(ctx -> new Network("network", TestArgs.monitoredInDev(NetworkArgs.builder())
                .settings(settings)
                .build(), null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "10.42.0.0/16, 10.42.0.0/17, 10.42.128.0/19, 10.42.160.0/19",
            "10.0.0.0/8,   10.0.0.0/9,   10.128.0.0/11,  10.160.0.0/11",
            "192.168.4.0/24, 192.168.4.0/25, 192.168.4.128/27, 192.168.4.160/27"})
    void subnetsAreDerivedFromTheAddressSpace(String space, String nodes, String endpoints, String database) {
        assertThat(AddressPlan.of(space)).isEqualTo(new AddressPlan(space, nodes, endpoints, database));
    }

    @Test
    void networkHasThreeSubnetsBehindOneNsgAndTheDatabaseSubnetIsDelegated() {
        var run = deploy(NetworkSettings.defaults());
        assertSucceeded(run);
        var subnets = run.ofType("azure-native:network:Subnet");
        assertThat(subnets).extracting(s -> s.input("addressPrefix").orElseThrow())
                .containsExactly("10.42.0.0/17", "10.42.128.0/19", "10.42.160.0/19");
        assertThat(subnets).allSatisfy(s -> assertThat((String) s.input("networkSecurityGroup.id").orElseThrow())
                .endsWith("NetworkSecurityGroup/nsg-plat-dev-weu"));
        assertThat(subnets.get(2).input("delegations.0.serviceName")).contains("Microsoft.DBforPostgreSQL/flexibleServers");
        assertThat(subnets.get(0).input("delegations")).isEmpty();
        assertThat(run.single("azure-native:network:VirtualNetwork").input("addressSpace.addressPrefixes"))
                .contains(List.of("10.42.0.0/16"));
    }

    @Test
    void subnetsAreChangedOneAfterAnother() {
        var subnets = deploy(NetworkSettings.defaults()).ofType("azure-native:network:Subnet");
        assertThat(subnets.get(1).dependencies()).contains(subnets.get(0).urn());
        assertThat(subnets.get(2).dependencies()).contains(subnets.get(1).urn());
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        assertAllParentedTo(deploy(NetworkSettings.defaults()), Network.TYPE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "10.42.0.0/25 | have a prefix length between /8 and /24",
            "10.42.1.0/16 | start at its network address (10.42.0.0/16)",
            "20.42.0.0/16 | lie inside private address space",
            "10.42.0.0    | be an IPv4 range in CIDR notation",
            "fd00::/48    | be an IPv4 range in CIDR notation",
            "10.42.0.0/255.255.0.0 | be an IPv4 range in CIDR notation",
            "10.42.*.*/16 | be an IPv4 range in CIDR notation",
            "010.42.0.0/16 | be an IPv4 range in CIDR notation"})
    void unusableAddressSpacesAreRejectedBeforeAnythingIsRegistered(String space, String expectation) {
        assertRejectedBeforeRegistering(deploy(NetworkSettings.builder().addressSpace(space).build()),
                InvalidSettingsException.class, "addressSpace must " + expectation);
    }
}
