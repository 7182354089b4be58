// archive-index: builds and maintains an index directory.
//   archive-index update   --index DIR [--json] [--prune] [--rejects FILE] [--format F]
//                          [--threads N] SOURCE...
//   archive-index delete   --index DIR [--json] ID...
//   archive-index rebuild  --index DIR [--json] [--rejects FILE] [--format F] [--threads N]
//                          [--shards N [--shard-by hash|issue]] SOURCE...
//   archive-index rollback --index DIR [--json]
//   archive-index status   --index DIR [--json]
//   archive-index pull     --index DIR --wordpress URL [--auth USER:PASS] [--full] [--json]
//   archive-index check    --index DIR [--json] [--list]
#include <CLI/CLI.hpp>

#include "indexer/commands.h"
#include "indexer/pull_command.h"

namespace {

using archive::indexer::CommandArgs;

CLI::App* AddCommand(CLI::App& app, const std::string& name, const std::string& description,
                     CommandArgs& args) {
  CLI::App* command = app.add_subcommand(name, description);
  command->add_option("--index", args.index_dir, "Index directory")->required();
  command->add_flag("--json", args.json, "Print the outcome as one JSON object on stdout");
  return command;
}

void AddSources(CLI::App* command, CommandArgs& args) {
  command->add_option("--rejects", args.rejects_path, "Also write rejected records to FILE");
  command
      ->add_option("--format", args.format,
                   "Source format, detected from each file unless given (default auto)")
      ->check(CLI::IsMember({"auto", "jsonl", "wxr", "wp-rest", "html", "pdf"}));
  command
      ->add_option("--threads", args.threads,
                   "Worker threads analysing and writing articles (default: one per core)")
      ->check(CLI::Range(1, 256));
  command
      ->add_option("--part-size", args.part_size,
                   "Articles per part built on a worker and merged at the end of a rebuild or "
                   "first load (default 1000)")
      ->check(CLI::Range(1, 1000000));
  command->add_option("sources", args.sources, "Archive files ('-' for stdin)")->required();
}

}  // namespace

int main(int argc, char** argv) {
  namespace indexer = archive::indexer;
  CLI::App app{"archive-index: builds and maintains the archive's search index"};
  app.require_subcommand(1);

  CommandArgs update, remove, rebuild, rollback, status, check;
  CLI::App* update_command = AddCommand(
      app, "update", "Add new and changed articles from SOURCE files, one commit", update);
  AddSources(update_command, update);
  update_command->add_flag("--prune", update.prune,
                           "Also remove articles that no SOURCE holds any more");
  CLI::App* delete_command =
      AddCommand(app, "delete", "Remove articles by id at once, one commit", remove);
  delete_command->add_option("ids", remove.ids, "Article ids")->required();
  CLI::App* rebuild_command = AddCommand(
      app, "rebuild", "Build a new generation from SOURCE files and switch to it", rebuild);
  AddSources(rebuild_command, rebuild);
  CLI::Option* shards_option =
      rebuild_command
          ->add_option(
              "--shards", rebuild.shards,
              "Split into N indexes INDEX/shard-1..N listed in INDEX/SHARDS (docs/shards.md)")
          ->check(CLI::Range(1, 1024));
  rebuild_command
      ->add_option("--shard-by", rebuild.shard_by,
                   "hash (of the article id, even shards) or issue (ranges of printed issues)")
      ->check(CLI::IsMember({"hash", "issue"}))
      ->needs(shards_option);
  CLI::App* rollback_command =
      AddCommand(app, "rollback", "Make the previous generation live again", rollback);
  CLI::App* status_command =
      AddCommand(app, "status", "Generation, revision, articles, size on disk", status);
  CLI::App* check_command = AddCommand(
      app, "check", "Verify both stores of the live generation and that they agree", check);
  check_command->add_flag("--list", check.list,
                          "Print each served article's id and content hash on stdout");

  indexer::PullArgs pull;
  CLI::App* pull_command = app.add_subcommand(
      "pull", "Apply what changed on a WordPress site since the last pull, one commit");
  pull_command->add_option("--index", pull.index_dir, "Index directory")->required();
  pull_command->add_option("--wordpress", pull.site_url, "The site's URL (or its /wp-json root)")
      ->required();
  pull_command
      ->add_option("--auth", pull.auth, "USER:APPLICATION-PASSWORD for a REST API behind a login")
      ->envname("ARCHIVE_WORDPRESS_AUTH");
  pull_command->add_flag("--full", pull.full, "Fetch every published post, not just changes");
  pull_command->add_option("--timeout", pull.timeout_seconds, "Seconds per HTTP request (30)")
      ->check(CLI::Range(1, 3600));
  pull_command->add_flag("--json", pull.json, "Print the outcome as one JSON object on stdout");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : indexer::kExitNothingChanged;
  }
  if (update_command->parsed()) return indexer::RunUpdate(update);
  if (delete_command->parsed()) return indexer::RunDelete(remove);
  if (rebuild_command->parsed()) return indexer::RunRebuild(rebuild);
  if (rollback_command->parsed()) return indexer::RunRollback(rollback);
  if (status_command->parsed()) return indexer::RunStatus(status);
  if (pull_command->parsed()) return indexer::RunPull(pull);
  if (check_command->parsed()) return indexer::RunCheck(check);
  return indexer::kExitNothingChanged;
}
