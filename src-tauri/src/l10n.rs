//! The strings the Rust side shows itself (window title, error texts, command
//! line), formatted with Fluent from the same `locales/*/*.ftl` files as the UI.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::langid;

use crate::settings::Language;

const FA_APP: &str = include_str!("../../locales/fa/app.ftl");
const EN_APP: &str = include_str!("../../locales/en/app.ftl");

/// The message bundles of both interface languages.
pub struct Messages {
    fa: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl Messages {
    pub fn new() -> Self {
        Self {
            fa: bundle(langid!("fa"), FA_APP),
            en: bundle(langid!("en"), EN_APP),
        }
    }

    /// The text of message `id` in `language`; the id itself if missing, so a
    /// gap shows up in the UI instead of crashing (a test keeps ids complete).
    pub fn text(&self, language: Language, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = match language {
            Language::Fa => &self.fa,
            Language::En => &self.en,
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(id, ?errors, "message formatted with errors");
        }
        text.into_owned()
    }
}

impl Default for Messages {
    fn default() -> Self {
        Self::new()
    }
}

fn bundle(lang: unic_langid::LanguageIdentifier, source: &str) -> FluentBundle<FluentResource> {
    // The .ftl files are compiled in and checked by tests, so a parse error
    // here is a build defect, not a user's problem.
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, errors)| {
            tracing::error!(?errors, "bundled .ftl file has syntax errors");
            resource
        });
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // What Rust shows is plain text (a window title, terminal lines), where
    // Fluent's bidi isolation marks around arguments would show as noise.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(?errors, "bundled .ftl file has duplicate messages");
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_title_is_localized() {
        let messages = Messages::new();
        assert_eq!(messages.text(Language::Fa, "app-title", None), "برگ");
        assert_eq!(messages.text(Language::En, "app-title", None), "Barg");
    }
}
