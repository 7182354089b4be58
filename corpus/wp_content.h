// What WordPress stores in a post's content that is not the article's text: editor block
// comments and shortcodes. Used by the WXR reader (REST output is already rendered).
#pragma once

#include <string>
#include <string_view>

namespace archive::corpus {

// Drops Gutenberg block comments ("<!-- wp:paragraph -->", "<!-- /wp:paragraph -->"),
// reduces "[caption ...]text[/caption]" to its text, drops embeds with their URL and other
// shortcode tags ("[gallery ids=...]"), and wraps blank-line separated paragraphs in <p>
// when the content has none (WordPress adds them only when it renders a page).
// Bracketed words that are not shortcodes ("[sic]", "[1]") are left alone.
std::string CleanWordPressContent(std::string_view content);

}  // namespace archive::corpus
