package io.platforminfra.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What the commands that plan stages offline ({@code plan}, {@code check}) share: the project directory, the run's
 * day, and printing either their result or one of the generated reference documents. Each adds its own choice of
 * stages (an exclusive option group that also holds its document options).
 */
abstract class OfflineStageCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    ProjectDirectory project;

    @Mixin
    RunDay day;

    /** Standard output of the command line, where results go. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints a generated reference document (the source of a page under docs/); that is the whole run. */
    final int printDocument(String markdown) {
        out().print(markdown);
        return Main.OK;
    }
}
