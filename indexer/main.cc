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
//   archive-index publish  --index DIR [--listen HOST:PORT] [--xapian-port P]
//   archive-index follow   --index LOCALDIR --primary HOST:PORT [--interval S] [--once]
//                          [--timeout S]
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "core/fatal_error.h"
#include "indexer/commands.h"
#include "indexer/pull_command.h"
#include "indexer/replication.h"

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

// Splits "HOST:PORT"; false when it is not that.
bool SplitListen(const std::string& listen, std::string& host, int& port) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  host = listen.substr(0, colon);
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    return false;
  }
  return !host.empty() && port >= 0 && port < 65536;
}

int Report(const archive::Status& status, const std::string& command) {
  if (status.ok()) return archive::indexer::kExitOk;
  std::cerr << "archive-index " << command << ": " << status.message() << "\n";
  return archive::indexer::kExitNothingChanged;
}

}  // namespace

int main(int argc, char** argv) {
  archive::ReportFatalErrors("archive-index");
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

  archive::replica::PublishOptions publish;
  std::string listen = "127.0.0.1:0";
  CLI::App* publish_command = app.add_subcommand(
      "publish", "Serve the index to read replicas (xapian-replicate-server and its store)");
  publish_command->add_option("--index", publish.index_dir, "Index directory")->required();
  publish_command->add_option("--listen", listen, "HOST:PORT of the HTTP service (port 0: any)");
  publish_command
      ->add_option("--xapian-port", publish.xapian_port,
                   "Port of xapian-replicate-server on the same host (0: any)")
      ->check(CLI::Range(0, 65535));

  archive::replica::FollowOptions follow;
  CLI::App* follow_command =
      app.add_subcommand("follow", "Keep a local read replica of a published index, store first");
  follow_command->add_option("--index", follow.index_dir, "The replica's index directory")
      ->required();
  follow_command->add_option("--primary", follow.primary, "HOST:PORT of archive-index publish")
      ->required();
  follow_command->add_option("--interval", follow.interval_seconds, "Seconds between rounds (5)")
      ->check(CLI::Range(0.05, 86400.0));
  follow_command->add_flag("--once", follow.once, "One round, then exit (2 when it failed)");
  follow_command
      ->add_option("--timeout", follow.timeout_seconds,
                   "Seconds per HTTP request and per xapian-replicate run (60)")
      ->check(CLI::Range(1, 3600));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : indexer::kExitNothingChanged;
  }
  // On a published index every commit on the live generation writes a Xapian changeset,
  // so that replicas (xapian-replicate) receive the changes rather than a full copy; the
  // newest 20 are kept. Not on others: a commit that fails midway leaves a changeset that
  // Xapian's check reports until the next commit. A rebuild's first commit would write the
  // whole database again as one, and replicas take a new generation in full anyway.
  const std::string& writer_index = update_command->parsed()   ? update.index_dir
                                    : delete_command->parsed() ? remove.index_dir
                                                               : pull.index_dir;
  if ((update_command->parsed() || delete_command->parsed() || pull_command->parsed()) &&
      archive::replica::IsPublished(writer_index))
    setenv("XAPIAN_MAX_CHANGESETS", "20", /*overwrite=*/0);
  if (publish_command->parsed()) {
    if (!SplitListen(listen, publish.host, publish.http_port)) {
      std::cerr << "archive-index publish: --listen must be HOST:PORT, not " << listen << "\n";
      return indexer::kExitNothingChanged;
    }
    return Report(archive::replica::Publish(publish), "publish");
  }
  if (follow_command->parsed()) return Report(archive::replica::Follow(follow), "follow");
  if (update_command->parsed()) return indexer::RunUpdate(update);
  if (delete_command->parsed()) return indexer::RunDelete(remove);
  if (rebuild_command->parsed()) return indexer::RunRebuild(rebuild);
  if (rollback_command->parsed()) return indexer::RunRollback(rollback);
  if (status_command->parsed()) return indexer::RunStatus(status);
  if (pull_command->parsed()) return indexer::RunPull(pull);
  if (check_command->parsed()) return indexer::RunCheck(check);
  return indexer::kExitNothingChanged;
}
