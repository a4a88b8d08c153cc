/**
 * The pull request's preview comment: reads what {@code pulumi preview --json} printed for each stage
 * ({@link io.platforminfra.report.PreviewReader}), writes one Markdown comment for all stages with warnings for
 * the changes that lose data or protection ({@link io.platforminfra.report.PreviewReport}), and keeps that comment
 * up to date on the Azure DevOps pull request ({@link io.platforminfra.report.PullRequestComments}).
 */
package io.platforminfra.report;
