package io.platforminfra.azure;

import io.platforminfra.azure.VersionSupport.Product;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The dated version table, read on fixed days: never today. */
class VersionSupportTest {
    private static final LocalDate DECEMBER_2026 = LocalDate.of(2026, 12, 2);

    @Test
    void onTheSecondOfDecember2026AksSupports135To137AndTheProviderCreatesPostgres15Only() {
        assertThat(VersionSupport.usableOn(Product.KUBERNETES, DECEMBER_2026)).containsExactly("1.35", "1.36", "1.37");
        assertThat(VersionSupport.usableOn(Product.POSTGRESQL, DECEMBER_2026)).containsExactly("15");
    }

    @Test
    void aMonthOfTheAksCalendarEndsOnItsLastDay() {
        // "Jul 2026" for 1.33: supported through 31 July, refused from 1 August.
        assertThat(VersionSupport.refusal(Product.KUBERNETES, "1.33", LocalDate.of(2026, 7, 31))).isEmpty();
        assertThat(VersionSupport.refusal(Product.KUBERNETES, "1.33", LocalDate.of(2026, 8, 1))).hasValueSatisfying(
                why -> assertThat(why).contains("1.33 left standard support after 2026-07-31", "supported-kubernetes-versions.md"));
    }

    @Test
    void aVersionBeforeItsGeneralAvailabilityIsRefusedAsAPreview() {
        assertThat(VersionSupport.refusal(Product.KUBERNETES, "1.37", LocalDate.of(2026, 10, 15)))
                .hasValueSatisfying(why -> assertThat(why).contains("1.37 is supported from 2026-10-31"));
    }

    @Test
    void postgres14LeavesStandardSupportAfterThe12thOfNovember2026() {
        assertThat(VersionSupport.refusal(Product.POSTGRESQL, "14", LocalDate.of(2026, 11, 12))).isEmpty();
        assertThat(VersionSupport.refusal(Product.POSTGRESQL, "14", LocalDate.of(2026, 11, 13)))
                .hasValueSatisfying(why -> assertThat(why).contains("left standard support after 2026-11-12"));
    }

    @Test
    void postgres16And17NameTheProviderUpgradeTheyNeed() {
        for (var major : new String[] {"16", "17"}) {
            assertThat(VersionSupport.refusal(Product.POSTGRESQL, major, DECEMBER_2026)).hasValueSatisfying(why ->
                    assertThat(why).contains("PostgreSQL " + major + " needs azure-native 3.x", "2024-08-01",
                            "docs/upgrading.md"));
        }
    }

    @Test
    void aVersionMissingFromTheTableIsRefusedWithWhereToAddIt() {
        assertThat(VersionSupport.refusal(Product.KUBERNETES, "1.38", DECEMBER_2026)).hasValueSatisfying(why ->
                assertThat(why).contains("1.38 is not in the version table", "VersionSupport.java", "add its row"));
    }

    @Test
    void theGateIsWarnedNinetyDaysBeforeTheLastDay() {
        // 1.35's last day is 2027-03-31: within 90 days from 2027-01-01, not on 2026-12-31.
        assertThat(VersionSupport.endingSoon(Product.KUBERNETES, "1.35", LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(VersionSupport.endingSoon(Product.KUBERNETES, "1.35", LocalDate.of(2027, 1, 1)))
                .contains(LocalDate.of(2027, 3, 31));
        assertThat(VersionSupport.endingSoon(Product.KUBERNETES, "1.35", LocalDate.of(2027, 4, 1))).isEmpty();
    }

    @Test
    void everyRowNamesItsSourceAndEndsAfterItBegins() {
        assertThat(VersionSupport.all()).allSatisfy(row -> {
            assertThat(row.source()).contains(".md");
            assertThat(row.lastDayOfSupport()).isAfter(row.generalAvailability());
        });
    }
}
