package io.platforminfra.components.aks;

import io.platforminfra.components.validation.Choice;
import io.platforminfra.components.validation.Problems;
import io.platforminfra.components.validation.Settings;
import lombok.Builder;
import lombok.Value;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When AKS may upgrade the cluster by its upgrade channel: a weekly window (AKS's {@code aksManagedAutoUpgradeSchedule},
 * articles/aks/planned-maintenance.md). Without one, auto-upgrades start at any time of day.
 */
@Value
@Builder(toBuilder = true)
public class MaintenanceWindowSettings implements Settings {
    /** Days AKS accepts. */
    public static final Choice<DayOfWeek> DAYS =
            new Choice<>(List.of(DayOfWeek.values()), day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    /** Shortest window AKS accepts for auto-upgrades ("a maintenance window with a duration of four hours or more"). */
    public static final int MINIMUM_HOURS = 4;
    /** Longest window the API accepts. */
    public static final int MAXIMUM_HOURS = 24;

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern UTC_OFFSET = Pattern.compile("[+-](0\\d|1[0-4]):[0-5]\\d");

    /** Day of the week the window opens. Default {@code Sunday}. */
    @Builder.Default
    String dayOfWeek = "Sunday";

    /** Time the window opens, {@code HH:mm}. Default {@code 02:00}. */
    @Builder.Default
    String startTime = "02:00";

    /** Length of the window in hours, 4 to 24. Default {@code 4}, the shortest AKS accepts. */
    @Builder.Default
    int durationHours = MINIMUM_HOURS;

    /** Offset of {@link #startTime} from UTC, {@code +HH:MM} or {@code -HH:MM}. Default {@code +00:00}. */
    @Builder.Default
    String utcOffset = "+00:00";

    /** Settings with every default. */
    public static MaintenanceWindowSettings defaults() {
        return builder().build();
    }

    @Override
    public void check(Problems problems) {
        problems.oneOf("dayOfWeek", dayOfWeek, DAYS);
        problems.check(startTime != null && TIME.matcher(startTime).matches(), "startTime", startTime,
                "be a time of day as HH:mm, such as 02:00");
        problems.inRange("durationHours", durationHours, MINIMUM_HOURS, MAXIMUM_HOURS);
        problems.check(utcOffset != null && UTC_OFFSET.matcher(utcOffset).matches(), "utcOffset", utcOffset,
                "be an offset from UTC such as +00:00 or -05:00");
    }
}
