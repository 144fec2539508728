/* Services whose keys carry no telling prefix: their name alone is a key's
 * name ("cloudflare: <key>", "DATADOG=<hex>", {"sendgrid": "<key>"}) and a
 * cue for the machine-made value after it ("mailgun <key>", "Mistral:
 * <key>"). The cue table (pii_cue.c) marks them PII_KW_KEY without the
 * secret class: inside a longer name ("cloudflare_zone_id") they say
 * nothing, and they raise no secret cue for what comes near them.
 *
 * Names that are also common words ("segment", "render", "zoom", "box")
 * are left out, and so are services whose keys have a prefix the provider
 * formats find anyway (GitHub's ghp_, Stripe's sk_live_, OpenAI's sk-):
 * their names are written next to ids that are not keys ("stripe
 * cus_NffrFeUfNV2Hib"). Lowercase ASCII; the table folds case. */
#include <stddef.h>

#include "router/pii_internal.h"

const char *const ew__pii_provider_names[] = {
    /* mail, messages, notifications */
    "mailgun", "mailjet", "sendgrid", "sparkpost", "mandrill", "postmark", "sendinblue", "brevo",
    "pusher", "pushover", "onesignal", "nexmo", "vonage", "plivo", "messagebird", "pagerduty",
    "opsgenie", "statuspage",
    /* monitoring and logs */
    "datadog", "newrelic", "rollbar", "bugsnag", "honeybadger", "loggly", "logdna", "papertrail",
    "sumologic", "logzio", "honeycomb", "lightstep", "raygun", "airbrake",
    /* clouds, CDNs, hosting, storage */
    "cloudflare", "fastly", "akamai", "heroku", "linode", "vultr", "hetzner", "scaleway",
    "backblaze", "wasabi", "cloudinary", "imgix", "bunnycdn", "netlify", "digitalocean",
    /* product, analytics, support */
    "algolia", "mixpanel", "hotjar", "zendesk", "freshdesk", "helpscout", "hubspot", "intercom",
    "airtable", "trello", "todoist", "clickup", "contentful", "storyblok", "prismic", "mapbox",
    "bitly", "typeform", "calendly", "docusign",
    /* payments and crypto */
    "braintree", "adyen", "mollie", "razorpay", "paystack", "flutterwave", "etherscan", "infura",
    "moralis", "coinmarketcap",
    /* CI, code and security services */
    "circleci", "codecov", "coveralls", "sonarcloud", "snyk", "browserstack", "saucelabs", "shodan",
    "virustotal", "abuseipdb", "ipinfo", "ipstack",
    /* data and media APIs */
    "openweathermap", "openweather", "weatherapi", "newsapi", "tmdb", "omdb", "rapidapi", "serpapi",
    "deepl", "elevenlabs", "assemblyai", "deepgram",
    /* models and vector stores */
    "mistral", "cohere", "huggingface", "groq", "pinecone", "weaviate", "qdrant", "wandb",
    "clarifai", NULL};
