// LuceneBaseline: the Lucene 8 peer that bench/run measures archive search against (beside
// SQLite FTS5, baselines/fts5_baseline.cc), with the same interface and output, on the same
// archive and query file, in process, one thread:
//
//   lucene_baseline index --db DIR ARCHIVE.jsonl     (prints one JSON summary line)
//   lucene_baseline query --db DIR --queries FILE [--limit 10] [--full] [--timing]
//                         [--warmup-passes 1]
//
// Index: each article's title (indexed) and the plain text of its HTML body (indexed and
// stored, for the highlighter) with EnglishAnalyzer, the id stored, topics, cities and year
// as SortedSetDocValuesFacetFields (the facet module's doc-values facets, no taxonomy);
// BM25 (Lucene's default similarity); one IndexWriter thread, then forceMerge(1), as our
// rebuild compacts and fts5_baseline optimizes.
// Query: the subset of our query language the benchmark's query set uses (words, "phrases",
// topic:"X", city:"X"): every word or phrase required, in the title or the body; topic and
// city as DrillDownQuery filters (not scored). --full adds what our "top-10 + snippets + exact
// topic/city/year counts" mode does: one UnifiedHighlighter passage of the body per hit and
// DrillSideways counts of topic, city and year over the whole match set, disjunctive like
// ours (a facet's counts ignore its own filter).
// The JVM compiles as it goes, so the query file runs --warmup-passes times untimed, then
// once timed, all in one process. Output: a TREC run on standard output; with --timing,
// "qid<TAB>microseconds" per query on standard error, as archive-search --timing.

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

public final class LuceneBaseline {
  private static final String[] kFacets = {"topic", "city", "year"};

  private LuceneBaseline() {}

  static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("topic", true);
    config.setMultiValued("city", true);
    return config;
  }

  // --- Indexing ----------------------------------------------------------------------------

  // Tags dropped, the common entities decoded: the same as fts5_baseline's PlainText.
  static String plainText(String html) {
    StringBuilder out = new StringBuilder(html.length());
    boolean inTag = false;
    for (int i = 0; i < html.length(); ++i) {
      char c = html.charAt(i);
      if (inTag) {
        if (c == '>') inTag = false;
        continue;
      }
      if (c == '<') {
        inTag = true;
        out.append(' ');
      } else if (c == '&') {
        String[][] entities = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}
        };
        boolean decoded = false;
        for (String[] entity : entities) {
          if (html.startsWith(entity[0], i)) {
            out.append(entity[1]);
            i += entity[0].length() - 1;
            decoded = true;
            break;
          }
        }
        if (!decoded) out.append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // The fields of one JSON Lines record that the baseline reads.
  static final class Record {
    String kind = "article";
    String id = "";
    String title = "";
    String body = "";
    String date = "";
    List<String> topics = new ArrayList<>();
    List<String> cities = new ArrayList<>();
  }

  // Jackson's streaming parser: top-level strings and string arrays, everything else skipped.
  static Record parseRecord(JsonFactory json, String line) throws IOException {
    Record record = new Record();
    try (JsonParser parser = json.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) return null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.getCurrentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          String text = parser.getText();
          switch (name) {
            case "kind" -> record.kind = text;
            case "id" -> record.id = text;
            case "title" -> record.title = text;
            case "body" -> record.body = text;
            case "date" -> record.date = text;
            default -> {}
          }
        } else if (value == JsonToken.START_ARRAY
            && (name.equals("topics") || name.equals("cities"))) {
          List<String> list = name.equals("topics") ? record.topics : record.cities;
          while (parser.nextToken() == JsonToken.VALUE_STRING) list.add(parser.getText());
          parser.skipChildren();
        } else {
          parser.skipChildren();
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
    return record;
  }

  static int index(Path dbPath, Path archivePath) throws IOException {
    long started = System.nanoTime();
    FacetsConfig config = facetsConfig();
    // A bulk load: a large RAM buffer, no commit until the end (durability is not measured).
    IndexWriterConfig writerConfig =
        new IndexWriterConfig(new EnglishAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setRAMBufferSizeMB(256);
    JsonFactory json = new JsonFactory();
    long articles = 0;
    long bytes = 0;
    try (Directory directory = FSDirectory.open(dbPath);
        IndexWriter writer = new IndexWriter(directory, writerConfig);
        BufferedReader in = Files.newBufferedReader(archivePath, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        Record record = parseRecord(json, line);
        if (record == null || !record.kind.equals("article")) continue;
        ++articles;
        Document document = new Document();
        document.add(new StoredField("id", record.id));
        document.add(new TextField("title", record.title, Field.Store.NO));
        document.add(new TextField("body", plainText(record.body), Field.Store.YES));
        for (String topic : record.topics) {
          if (!topic.isEmpty()) document.add(new SortedSetDocValuesFacetField("topic", topic));
        }
        for (String city : record.cities) {
          if (!city.isEmpty()) document.add(new SortedSetDocValuesFacetField("city", city));
        }
        String year = record.date.length() >= 4 ? record.date.substring(0, 4) : "0";
        document.add(new SortedSetDocValuesFacetField("year", year));
        writer.addDocument(config.build(document));
      }
      // Merged to one segment, as our rebuild compacts: the fair state to query.
      writer.forceMerge(1);
      writer.commit();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "{\"articles\":%d,\"input_bytes\":%d,\"seconds\":%.6f,\"articles_per_s\":%.3f}%n",
        articles,
        bytes,
        seconds,
        articles / seconds);
    return 0;
  }

  // --- Querying ----------------------------------------------------------------------------

  static final class ParsedQuery {
    final List<String> words = new ArrayList<>(); // each a word or the text of a "phrase"
    final List<Boolean> phrase = new ArrayList<>();
    String topic = ""; // filters; empty: none
    String city = "";
  }

  // The same tokenisation as fts5_baseline's Parse: words, "quoted runs", topic:/city: filters.
  static ParsedQuery parse(String query) {
    ParsedQuery parsed = new ParsedQuery();
    int i = 0;
    while (i < query.length()) {
      if (query.charAt(i) == ' ') {
        ++i;
        continue;
      }
      int filter = 0; // 1 topic, 2 city
      if (query.startsWith("topic:", i)) {
        filter = 1;
        i += 6;
      } else if (query.startsWith("city:", i)) {
        filter = 2;
        i += 5;
      }
      String text;
      boolean quoted = i < query.length() && query.charAt(i) == '"';
      if (quoted) {
        int end = query.indexOf('"', i + 1);
        text = query.substring(i + 1, end < 0 ? query.length() : end);
        i = end < 0 ? query.length() : end + 1;
      } else {
        int end = query.indexOf(' ', i);
        if (end < 0) end = query.length();
        text = query.substring(i, end);
        i = end;
      }
      if (filter == 1) {
        parsed.topic = text;
      } else if (filter == 2) {
        parsed.city = text;
      } else if (!text.isEmpty()) {
        parsed.words.add(text);
        parsed.phrase.add(quoted);
      }
    }
    return parsed;
  }

  static final class Runner {
    final IndexSearcher searcher;
    final FacetsConfig config = facetsConfig();
    final QueryBuilder builder;
    final DrillSideways sideways;
    final UnifiedHighlighter highlighter;
    final SortedSetDocValuesReaderState state;
    final int limit;

    Runner(DirectoryReader reader, Analyzer analyzer, int limit) throws IOException {
      this.searcher = new IndexSearcher(reader);
      this.builder = new QueryBuilder(analyzer);
      // Built once per reader (ordinals of every facet value), like our per-generation cache.
      this.state = new DefaultSortedSetDocValuesReaderState(reader);
      this.sideways = new DrillSideways(searcher, config, state);
      this.highlighter = new UnifiedHighlighter(searcher, analyzer);
      this.highlighter.setFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", false));
      this.limit = limit;
    }

    // One word or phrase in the title or the body; null when the analyzer leaves nothing
    // (a stopword).
    Query clause(String text, boolean phrase) {
      Query title = phrase ? builder.createPhraseQuery("title", text) : one("title", text);
      Query body = phrase ? builder.createPhraseQuery("body", text) : one("body", text);
      if (title == null || body == null) return null;
      return new BooleanQuery.Builder()
          .add(title, BooleanClause.Occur.SHOULD)
          .add(body, BooleanClause.Occur.SHOULD)
          .build();
    }

    // A word the analyzer splits ("9/11") needs all its parts.
    Query one(String field, String text) {
      return builder.createBooleanQuery(field, text, BooleanClause.Occur.MUST);
    }

    // Null when no word is left.
    DrillDownQuery build(ParsedQuery parsed) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      int clauses = 0;
      for (int k = 0; k < parsed.words.size(); ++k) {
        Query clause = clause(parsed.words.get(k), parsed.phrase.get(k));
        if (clause == null) continue;
        all.add(clause, BooleanClause.Occur.MUST);
        ++clauses;
      }
      if (clauses == 0) return null;
      DrillDownQuery query = new DrillDownQuery(config, all.build());
      if (!parsed.topic.isEmpty()) query.add("topic", parsed.topic);
      if (!parsed.city.isEmpty()) query.add("city", parsed.city);
      return query;
    }

    static final class Outcome {
      TopDocs hits;
      final List<String> ids = new ArrayList<>(); // the hits' stored ids, in rank order
      long facetValues; // read, so the work cannot be skipped
      long snippetChars;
    }

    Outcome run(DrillDownQuery query, boolean full) throws IOException {
      Outcome outcome = new Outcome();
      if (!full) {
        outcome.hits = searcher.search(query, limit);
        readIds(outcome);
        return outcome;
      }
      DrillSideways.DrillSidewaysResult result = sideways.search(query, limit);
      outcome.hits = result.hits;
      readIds(outcome);
      for (String dim : kFacets) {
        // Every value of the dimension: exact counts, like FTS5's GROUP BY.
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        if (range == null) continue;
        FacetResult counts = result.facets.getTopChildren(range.end - range.start + 1, dim);
        if (counts != null) outcome.facetValues += counts.childCount;
      }
      String[] snippets = highlighter.highlight("body", query, result.hits, 1);
      for (String snippet : snippets) {
        if (snippet != null) outcome.snippetChars += snippet.length();
      }
      return outcome;
    }

    // Inside the timed part: our engine and FTS5 read the ids of their hits too.
    void readIds(Outcome outcome) throws IOException {
      for (ScoreDoc hit : outcome.hits.scoreDocs) {
        outcome.ids.add(searcher.doc(hit.doc).get("id"));
      }
    }
  }

  static int query(
      Path dbPath, Path queriesPath, int limit, boolean full, boolean timing, int warmupPasses)
      throws IOException {
    List<String> lines = Files.readAllLines(queriesPath, StandardCharsets.UTF_8);
    Analyzer analyzer = new EnglishAnalyzer();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    StringBuilder timings = new StringBuilder();
    int exitCode = 0;
    try (Directory directory = FSDirectory.open(dbPath);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      Runner runner = new Runner(reader, analyzer, limit);
      for (int pass = 0; pass <= warmupPasses; ++pass) {
        boolean measured = pass == warmupPasses;
        for (int number = 0; number < lines.size(); ++number) {
          String line = lines.get(number);
          int tab = line.indexOf('\t');
          if (line.isEmpty() || tab < 0) continue;
          String qid = line.substring(0, tab);
          long started = System.nanoTime();
          DrillDownQuery query = runner.build(parse(line.substring(tab + 1)));
          if (query == null) {
            if (measured) {
              System.err.printf("lucene_baseline: %s:%d: no words%n", queriesPath, number + 1);
              exitCode = 2;
            }
            continue;
          }
          Runner.Outcome outcome = runner.run(query, full);
          long micros = (System.nanoTime() - started) / 1000;
          if (!measured) continue;
          if (timing) timings.append(qid).append('\t').append(micros).append('\n');
          ScoreDoc[] hits = outcome.hits.scoreDocs;
          for (int rank = 0; rank < hits.length; ++rank) {
            out.printf(
                Locale.ROOT,
                "%s Q0 %s %d %.6f lucene%n",
                qid,
                outcome.ids.get(rank),
                rank + 1,
                hits[rank].score);
          }
        }
      }
    }
    out.flush();
    System.err.print(timings);
    System.err.flush();
    return exitCode;
  }

  // --- Command line ------------------------------------------------------------------------

  static int usage() {
    System.err.println(
        "usage: lucene_baseline index --db DIR ARCHIVE.jsonl\n"
            + "       lucene_baseline query --db DIR --queries FILE [--limit N] [--full] [--timing]"
            + " [--warmup-passes N]");
    return 2;
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0) System.exit(usage());
    String db = null;
    String queries = null;
    String archive = null;
    int limit = 10;
    int warmupPasses = 1;
    boolean full = false;
    boolean timing = false;
    for (int i = 1; i < args.length; ++i) {
      switch (args[i]) {
        case "--db" -> db = ++i < args.length ? args[i] : null;
        case "--queries" -> queries = ++i < args.length ? args[i] : null;
        case "--limit" -> limit = ++i < args.length ? Integer.parseInt(args[i]) : 0;
        case "--warmup-passes" -> warmupPasses = ++i < args.length ? Integer.parseInt(args[i]) : -1;
        case "--full" -> full = true;
        case "--timing" -> timing = true;
        default -> {
          if (args[i].startsWith("--") || archive != null) System.exit(usage());
          archive = args[i];
        }
      }
    }
    int code;
    if (args[0].equals("index") && db != null && archive != null) {
      code = index(Paths.get(db), Paths.get(archive));
    } else if (args[0].equals("query") && db != null && queries != null && archive == null
        && limit >= 1 && limit <= 1000 && warmupPasses >= 0) {
      code = query(Paths.get(db), Paths.get(queries), limit, full, timing, warmupPasses);
    } else {
      code = usage();
    }
    System.exit(code);
  }
}
