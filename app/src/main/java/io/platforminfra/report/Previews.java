package io.platforminfra.report;

import java.util.List;

/**
 * The previews of all stages for one comment, failed ones included, and the problems with the input (files that are
 * missing or not preview JSON, expected stages without a file): the comment shows those stages as failed, and the
 * command names the problems and exits 2.
 *
 * @param stages   one entry per stage, in the order of the comment
 * @param problems each problem with the input, naming the file or stage; empty when the input was all usable
 */
public record Previews(List<Preview> stages, List<String> problems) {

    public Previews {
        stages = List.copyOf(stages);
        problems = List.copyOf(problems);
    }

    /** The stages whose preview failed. */
    public List<Preview> failed() {
        return stages.stream().filter(Preview::failed).toList();
    }
}
