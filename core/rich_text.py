"""The rich-text features editors get, in one place: fields and blocks all use these lists."""

# Body text: headings, emphasis, lists, links to pages, documents and the web.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]

# A short explanation inside a structured item (a mission, an activity): no headings or lists.
INLINE_FEATURES = ["bold", "italic", "link"]
