#!/usr/bin/env python3
"""Look-alike set d (`bench/pii_gen_lookalike.py --set d`): PRECISION again,
written after the rules made from set c (other languages' frequent words,
labelled fields, software named like people, titles, forms), before the
detector was run on it, from how these texts look and not from the rules:

- observability: OpenTelemetry and Datadog JSON logs, Grafana and
  Prometheus alerts, PagerDuty incidents, Sentry issue titles;
- infrastructure output: Terraform plans, Ansible recaps, `systemctl
  status`, `docker ps`, `helm list`, conventional commit logs;
- .NET exceptions in Dutch, Polish, Czech, Turkish and Swedish; Go, Rust
  and Node traces; Kotlin coroutines;
- UI strings of a settings screen in fifteen languages that set c did not
  have (Catalan, Croatian, Slovak, Slovenian, Norwegian, Estonian, Latvian,
  Lithuanian, Greek, Ukrainian, Bulgarian, Malay, Tagalog, Swahili,
  Afrikaans) in TOML, gettext, ARB, Qt .ts and plain key=value files;
- catalogues of electronics and cosmetics (model names, brands named after
  people, colours named after gems and flowers: Ruby Red, Jade Green);
- calendar and task exports (Asana, Trello, Notion) in Dutch, Polish,
  Czech, Swedish;
- developers' chat about services with given names (Atlas, Luna, Iris,
  Nova, Phoenix, Orion, Stella, Vera, Hal, Dexter, Marvin) in English,
  Dutch, Polish, Italian;
- legal and medical prose in Czech, Romanian, Hungarian, Swedish, Danish
  and Finnish without people (eponymous diseases: Parkinsonova choroba,
  Sjögrens syndrom);
- citations and acknowledgements in papers (labelled authors).

About 15 % of the texts hold labelled values (an on-call engineer, a task's
assignee, a translator, a paper's authors, a customer's e-mail and phone).
Names come from the world sets and from a list written here (Croatian,
Hungarian, Finnish, Malay, Ghanaian, Peruvian, Georgian, Mongolian,
Icelandic, Thai, Samoan, Basque).

Seeds 1031 and 1032: scored once, before any rule was made from this set.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_lookalike as la  # noqa: E402
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, n, digits, hexs = w.pick, w.n, w.digits, la.hexs

NAMES_D = {
    'hr': (['Ivana', 'Luka', 'Petra', 'Matija', 'Nikolina', 'Domagoj'],
           ['Horvat', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Knežević']),
    'hu': (['Zsófia', 'Bence', 'Réka', 'Levente', 'Dóra', 'Gergő'],
           ['Nagy', 'Kovács', 'Szabó', 'Tóth', 'Varga', 'Kiss']),
    'fi': (['Aino', 'Eero', 'Helmi', 'Veeti', 'Siiri', 'Onni'],
           ['Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Heikkinen', 'Koskinen']),
    'ms': (['Nurul', 'Hafiz', 'Aisyah', 'Irfan', 'Siti', 'Amirul'],
           ['Abdullah', 'Rahman', 'Ismail', 'Hassan', 'Yusof', 'Ibrahim']),
    'gh': (['Kwame', 'Akosua', 'Kofi', 'Ama', 'Yaw', 'Efua'],
           ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Appiah']),
    'pe': (['Ximena', 'Renzo', 'Milagros', 'Jhonatan', 'Rocío', 'Piero'],
           ['Quispe', 'Huamán', 'Mamani', 'Flores', 'Chávez', 'Ramírez']),
    'ka': (['Nino', 'Giorgi', 'Mariam', 'Levan', 'Tamar', 'Davit'],
           ['Beridze', 'Kapanadze', 'Gelashvili', 'Mchedlishvili', 'Lomidze', 'Tsiklauri']),
    'mn': (['Bolormaa', 'Temuulen', 'Enkhjin', 'Batbayar', 'Oyunchimeg', 'Ganbold'],
           ['Batbold', 'Dorj', 'Ganbaatar', 'Tsogt', 'Erdene', 'Sükhbaatar']),
    'is': (['Sigríður', 'Gunnar', 'Hildur', 'Einar', 'Katrín', 'Bjarki'],
           ['Jónsdóttir', 'Magnússon', 'Stefánsdóttir', 'Ólafsson', 'Gunnarsdóttir', 'Björnsson']),
    'th': (['Somchai', 'Nattaya', 'Kittipong', 'Siriwan', 'Anucha', 'Pimchanok'],
           ['Srisuk', 'Wongsakul', 'Thongdee', 'Charoenrat', 'Saelim', 'Kaewmanee']),
    'sm': (['Sione', 'Malia', 'Tavita', 'Losana', 'Ioane', 'Seini'],
           ['Faleolo', 'Tuilagi', 'Leota', 'Fonoti', 'Sapolu', 'Aumua']),
    'eu': (['Ane', 'Iker', 'Maialen', 'Unai', 'Nerea', 'Aitor'],
           ['Etxeberria', 'Agirre', 'Goikoetxea', 'Zubizarreta', 'Aranburu', 'Larrañaga']),
}


TYPED_D = dict(la.TYPED_B)
TYPED_D['person'] = ('person', 'PERSON', la.person_of(NAMES_D, 0.4))


SERVICES = ['checkout-api', 'ledger', 'search-indexer', 'auth-gateway', 'notifier', 'atlas',
            'luna-api', 'nova-scheduler', 'orion-ingest']

# ---- observability -----------------------------------------------------------------------
OBS = [
    lambda: ('{"timestamp":"<<ts>>","severity":"ERROR","service.name":"%s","trace_id":"<<trace>>",'
             '"span_id":"<<span>>","body":"Payment Authorization Failed","attributes":{"http.'
             'route":"/v1/charges","http.status_code":502,"peer.service":"Stripe Gateway"}}'
             % pick(SERVICES)),
    lambda: ('[FIRING:1] HighErrorRate %s (Critical Production Cluster)\nAlertname: '
             'HighErrorRate\nSeverity: critical\nSummary: Error Budget Burn Rate Above '
             'Threshold\nDashboard: https://grafana.example.com/d/<<gitshort>>\nRunbook: '
             'Checkout Latency Playbook' % pick(SERVICES)),
    lambda: ('Incident #<<qty>> triggered: Elevated 5xx On Atlas Edge\nService: Atlas Edge '
             'Proxy\nUrgency: High\nAssigned to: %s\nEscalation Policy: Platform Primary'
             % la.maybe(0.5, '<<person>>', 'Platform On-Call')),
    lambda: ('Sentry: TypeError: Cannot Read Properties of Undefined (reading \'total\')\n'
             'Project: Storefront Web   Release: <<ver>>   Events: <<qty>>   Users: <<qty>>\n'
             'First Seen: <<ts>>\nCulprit: CartSummary in Checkout Drawer'),
    lambda: ('<<ts>> WARN  [Luna Scheduler] Job "Nightly Ledger Reconciliation" exceeded '
             'deadline by <<duration>>; retry <<qty>>/5\n<<ts>> INFO  [Luna Scheduler] Job '
             '"Orion Feed Import" finished in <<duration>>'),
]

# ---- infrastructure output ---------------------------------------------------------------
INFRA = [
    lambda: ('Terraform will perform the following actions:\n\n  # aws_instance.nova_worker[0] '
             'will be created\n  + resource "aws_instance" "nova_worker" {\n      + ami      '
             '= "ami-0<<cid12>>"\n      + tags     = {\n          + "Name"        = "Nova '
             'Worker"\n          + "Environment" = "Production Blue"\n        }\n    }\n\nPlan: '
             '<<qty>> to add, 0 to change, 0 to destroy.'),
    lambda: ('PLAY RECAP *********************************************************************\n'
             'stella-db-01              : ok=<<qty>>   changed=<<qty>>    unreachable=0    '
             'failed=0    skipped=<<qty>>\nvera-web-02               : ok=<<qty>>   changed=0    '
             'unreachable=0    failed=0\n\nTASK [Gather Facts] ***\nTASK [Install Nginx Mainline] '
             '***'),
    lambda: ('● phoenix-worker.service - Phoenix Background Worker\n     Loaded: loaded (/etc/'
             'systemd/system/phoenix-worker.service; enabled; vendor preset: enabled)\n     '
             'Active: active (running) since <<ts>>; <<qty>>h ago\n   Main PID: <<pid>> (beam.smp)'
             '\n     Memory: <<qty>>.<<qty>>M\n        CPU: <<duration>>'),
    lambda: ('CONTAINER ID   IMAGE                    COMMAND                  STATUS          '
             'NAMES\n<<cid12>>   iris-classifier:<<ver>>   "python serve.py"        Up <<qty>> '
             'hours      iris_classifier_1\n<<cid12>>   redis:7-alpine           "docker-entrypoint.'
             's…"   Up <<qty>> hours      Hal_Cache'),
    lambda: ('NAME            NAMESPACE   REVISION  UPDATED                  STATUS    CHART\n'
             'dexter-bot      tools       <<qty>>         <<ts>>  deployed  dexter-<<ver>>\n'
             'marvin-alerts   monitoring  <<qty>>         <<ts>>  failed    marvin-<<ver>>'),
    lambda: ('<<gitshort>> feat(checkout): Add Apple Pay Express Button\n<<gitshort>> fix(ledger): '
             'Round Half Even For Swiss Francs\n<<gitshort>> chore(deps): Bump Spring Boot to '
             '3.2.4\n<<gitshort>> docs: Update Onboarding Guide%s'
             % la.maybe(0.3, '\n<<gitshort>> Co-authored-by: <<person>> <<<email>>>')),
]

# ---- traces ------------------------------------------------------------------------------
NRE_D = {'nl': ('De objectverwijzing is niet op een exemplaar van een object ingesteld.', 'bij',
                'in', 'regel'),
         'pl': ('Odwołanie do obiektu nie zostało ustawione na wystąpienie obiektu.', 'w', 'w',
                'wiersz'),
         'cs': ('Odkaz na objekt není nastaven na instanci objektu.', 'v', 'v', 'řádek'),
         'tr': ('Nesne başvurusu bir nesnenin örneğine ayarlanmadı.', 'konum:', 'içinde',
                'satır'),
         'sv': ('Objektreferensen har inte angetts till en instans av ett objekt.', 'vid', 'i',
                'rad')}


def dotnet_d():
    msg, at, inn, line = NRE_D[pick(sorted(NRE_D))]
    return ('System.NullReferenceException: %s\n   %s Northwind.Orders.Api.Controllers.'
            'OrdersController.GetInvoice(Int32 id) %s D:\\a\\1\\s\\Orders.Api\\Controllers\\'
            'OrdersController.cs:%s <<qty>>\n   %s Atlas.Core.Pipeline.Execute()'
            % (msg, at, inn, line, at))


TRACES = [
    dotnet_d, dotnet_d,
    lambda: ('thread \'tokio-runtime-worker\' panicked at \'called `Option::unwrap()` on a `None` '
             'value\', src/orion/ingest.rs:<<qty>>:<<qty>>\nstack backtrace:\n   0: rust_begin_'
             'unwind\n   1: core::panicking::panic_fmt\n   2: orion::ingest::Batch::flush'),
    lambda: ('(node:<<pid>>) UnhandledPromiseRejectionWarning: MongoServerError: E11000 '
             'duplicate key error collection: shop.customers index: email_1\n    at Connection.'
             'onMessage (/srv/luna/node_modules/mongodb/lib/cmap/connection.js:<<qty>>:<<qty>>)'),
    lambda: ('Exception in thread "DefaultDispatcher-worker-<<qty>>" kotlinx.coroutines.'
             'JobCancellationException: StandaloneCoroutine was cancelled\n\tat com.acme.vera.'
             'SyncService$pull$1.invokeSuspend(SyncService.kt:<<qty>>)'),
    lambda: ('goroutine <<qty>> [running]:\ngithub.com/acme/stella/internal/store.(*Ledger).Post'
             '(0xc000<<gitshort>>)\n\t/go/src/stella/internal/store/ledger.go:<<qty>> +0x1c4\n'
             'created by github.com/acme/stella/cmd.Run'),
]

# ---- UI strings of a settings screen -----------------------------------------------------
UI_KEYS_D = ['notifications', 'dark_theme', 'language_settings', 'download_invoice',
             'upgrade_plan', 'cancel_subscription', 'help_center', 'terms_of_use', 'sign_up',
             'remember_me', 'two_factor', 'billing_history']
UI_D = {
    'ca': 'Notificacions|Tema Fosc|Configuració d\'Idioma|Descarregar Factura|Millorar el Pla|'
          'Cancel·lar Subscripció|Centre d\'Ajuda|Condicions d\'Ús|Registra\'t|Recorda\'m|'
          'Verificació en Dos Passos|Historial de Facturació',
    'hr': 'Obavijesti|Tamna Tema|Postavke Jezika|Preuzmi Račun|Nadogradi Plan|Otkaži '
          'Pretplatu|Centar za Pomoć|Uvjeti Korištenja|Registriraj Se|Zapamti Me|Dvostruka '
          'Provjera|Povijest Naplate',
    'sk': 'Upozornenia|Tmavý Motív|Nastavenia Jazyka|Stiahnuť Faktúru|Vylepšiť Plán|Zrušiť '
          'Predplatné|Centrum Pomoci|Podmienky Používania|Zaregistrovať Sa|Zapamätať Si Ma|'
          'Dvojstupňové Overenie|História Platieb',
    'sl': 'Obvestila|Temna Tema|Jezikovne Nastavitve|Prenesi Račun|Nadgradi Paket|Prekliči '
          'Naročnino|Center za Pomoč|Pogoji Uporabe|Registracija|Zapomni Si Me|Dvostopenjsko '
          'Preverjanje|Zgodovina Plačil',
    'no': 'Varsler|Mørkt Tema|Språkinnstillinger|Last Ned Faktura|Oppgrader Abonnement|Avslutt '
          'Abonnement|Hjelpesenter|Vilkår for Bruk|Registrer Deg|Husk Meg|Totrinnsbekreftelse|'
          'Betalingshistorikk',
    'et': 'Teavitused|Tume Teema|Keeleseaded|Laadi Arve Alla|Uuenda Paketti|Tühista Tellimus|'
          'Abikeskus|Kasutustingimused|Registreeru|Jäta Mind Meelde|Kaheastmeline Kinnitamine|'
          'Arvete Ajalugu',
    'lv': 'Paziņojumi|Tumšā Tēma|Valodas Iestatījumi|Lejupielādēt Rēķinu|Uzlabot Plānu|Atcelt '
          'Abonementu|Palīdzības Centrs|Lietošanas Noteikumi|Reģistrēties|Atcerēties Mani|'
          'Divpakāpju Verifikācija|Maksājumu Vēsture',
    'lt': 'Pranešimai|Tamsi Tema|Kalbos Nustatymai|Atsisiųsti Sąskaitą|Atnaujinti Planą|'
          'Atšaukti Prenumeratą|Pagalbos Centras|Naudojimo Sąlygos|Registruotis|Prisiminti Mane|'
          'Dviejų Veiksnių Patvirtinimas|Mokėjimų Istorija',
    'el': 'Ειδοποιήσεις|Σκούρο Θέμα|Ρυθμίσεις Γλώσσας|Λήψη Τιμολογίου|Αναβάθμιση Πλάνου|'
          'Ακύρωση Συνδρομής|Κέντρο Βοήθειας|Όροι Χρήσης|Εγγραφή|Να Με Θυμάσαι|Έλεγχος Δύο '
          'Βημάτων|Ιστορικό Χρεώσεων',
    'uk': 'Сповіщення|Темна Тема|Налаштування Мови|Завантажити Рахунок|Покращити План|'
          'Скасувати Підписку|Центр Допомоги|Умови Використання|Зареєструватися|Запам\'ятати '
          'Мене|Двофакторна Перевірка|Історія Платежів',
    'bg': 'Известия|Тъмна Тема|Езикови Настройки|Изтегли Фактура|Надгради Плана|Откажи '
          'Абонамента|Помощен Център|Условия за Ползване|Регистрация|Запомни Ме|Двуфакторна '
          'Проверка|История на Плащанията',
    'ms': 'Pemberitahuan|Tema Gelap|Tetapan Bahasa|Muat Turun Invois|Naik Taraf Pelan|Batal '
          'Langganan|Pusat Bantuan|Terma Penggunaan|Daftar|Ingat Saya|Pengesahan Dua Langkah|'
          'Sejarah Bil',
    'tl': 'Mga Abiso|Madilim na Tema|Mga Setting ng Wika|I-download ang Invoice|I-upgrade ang '
          'Plano|Kanselahin ang Subscription|Sentro ng Tulong|Mga Tuntunin ng Paggamit|Mag-sign '
          'Up|Tandaan Ako|Dalawang-Hakbang na Pag-verify|Kasaysayan ng Pagsingil',
    'sw': 'Arifa|Mandhari Meusi|Mipangilio ya Lugha|Pakua Ankara|Boresha Mpango|Ghairi Usajili|'
          'Kituo cha Msaada|Masharti ya Matumizi|Jisajili|Nikumbuke|Uthibitishaji wa Hatua '
          'Mbili|Historia ya Malipo',
    'af': 'Kennisgewings|Donker Tema|Taalinstellings|Laai Faktuur Af|Gradeer Plan Op|Kanselleer '
          'Intekening|Hulpsentrum|Gebruiksvoorwaardes|Registreer|Onthou My|Tweestap-verifikasie|'
          'Betalingsgeskiedenis',
}
UI_D = {k: dict(zip(UI_KEYS_D, v.split('|'))) for k, v in UI_D.items()}


def i18n_d():
    lang = pick(sorted(UI_D))
    keys = rng.sample(UI_KEYS_D, n(4, 7))
    tr = UI_D[lang]
    form = pick(['toml', 'po', 'arb', 'ts', 'kv'])
    if form == 'toml':
        return '[settings]\n' + ''.join('%s = "%s"\n' % (k, tr[k]) for k in keys)
    if form == 'po':
        return ('msgid ""\nmsgstr ""\n"Language: %s\\n"\n%s\n' % (
            lang, la.maybe(0.4, '"Language-Team: <<person>> <<<email>>>\\n"'))) + ''.join(
            'msgctxt "settings"\nmsgid "%s"\nmsgstr "%s"\n\n' % (k.replace('_', ' ').title(),
                                                                 tr[k]) for k in keys)
    if form == 'arb':
        return '{\n  "@@locale": "%s",\n%s\n}' % (lang, ',\n'.join(
            '  "%s": "%s"' % (la_camel(k), tr[k]) for k in keys))
    if form == 'ts':
        return ('<TS version="2.1" language="%s">\n<context>\n    <name>SettingsPage</name>\n'
                % lang) + ''.join('    <message>\n        <source>%s</source>\n        '
                                  '<translation>%s</translation>\n    </message>\n'
                                  % (k.replace('_', ' ').title(), tr[k]) for k in keys) + \
            '</context>\n</TS>'
    return ''.join('settings.%s: %s\n' % (k, tr[k]) for k in keys)


def la_camel(key):
    parts = key.split('_')
    return parts[0] + ''.join(p.capitalize() for p in parts[1:])


# ---- catalogues of electronics and cosmetics -------------------------------------------------
ITEMS = ['Galaxy Buds Pro', 'Pixel Watch 2', 'Surface Laptop Studio', 'Kindle Paperwhite',
         'Apple Watch Ultra', 'ThinkPad Carbon X1', 'Echo Dot Kids', 'Nest Learning Thermostat',
         'Advanced Night Repair Serum', 'Black Opium Eau de Parfum', 'Daisy Love Eau So Sweet',
         'Velvet Matte Lipstick', 'Hydra Boost Gel Cream', 'Sonic Toothbrush Pro']
BRANDS_D = ['Samsung', 'Google', 'Microsoft', 'Amazon', 'Apple', 'Lenovo', 'Estée Lauder',
            'Yves Saint Laurent', 'Marc Jacobs', 'Charlotte Tilbury', 'Neutrogena', 'Philips',
            'Victoria\'s Secret', 'Tom Ford', 'Kiehl\'s']
COLOURS_D = ['Ruby Red', 'Jade Green', 'Amber Glow', 'Ivory White', 'Pearl Grey', 'Rose Quartz',
             'Olive Drab', 'Navy Blue', 'Dusty Rose', 'Coral Sunset', 'Lavender Mist',
             'Iris Purple']


def catalogue_d():
    rows = [(pick(ITEMS), pick(BRANDS_D), pick(COLOURS_D)) for _ in range(n(2, 4))]
    form = pick(['md', 'tsv', 'yaml', 'prose'])
    if form == 'md':
        return '| Product | Brand | Shade | Price |\n|---|---|---|---|\n' + '\n'.join(
            '| %s | %s | %s | <<price>> |' % r for r in rows)
    if form == 'tsv':
        return 'item\tmaker\tfinish\tstock\n' + '\n'.join('%s\t%s\t%s\t<<qty>>' % r for r in rows)
    if form == 'yaml':
        return 'products:\n' + ''.join('  - title: %s\n    vendor: %s\n    variant: %s\n'
                                       '    sku: <<sku2>>\n' % r for r in rows)
    r = rows[0]
    return ('New in store: the %s by %s, now in %s, from <<price>>. %s'
            % (r[0], r[1], r[2], la.maybe(0.3, 'Questions? Write to <<email>> or call <<phone>>.',
                                       'Free shipping over <<price>>.')))


# ---- task exports -------------------------------------------------------------------------
TASKS = {
    'nl': ('Taak', 'Toegewezen aan', 'Vervaldatum', 'Sectie', 'Status',
           ['Kwartaalafsluiting Voorbereiden', 'Nieuwe Huisstijl Doorvoeren'],
           ['Financiën', 'Marketing'], ['Bezig', 'Gereed', 'Te Doen']),
    'pl': ('Zadanie', 'Przypisane do', 'Termin', 'Sekcja', 'Status',
           ['Przegląd Umów Dostawców', 'Migracja Bazy Klientów'],
           ['Zakupy', 'Sprzedaż'], ['W Toku', 'Zrobione', 'Do Zrobienia']),
    'cs': ('Úkol', 'Přiřazeno', 'Termín', 'Sekce', 'Stav',
           ['Příprava Ročního Reportu', 'Obnova Serverové Infrastruktury'],
           ['Finance', 'Provoz'], ['Probíhá', 'Hotovo', 'Čeká']),
    'sv': ('Uppgift', 'Tilldelad', 'Förfallodatum', 'Sektion', 'Status',
           ['Förbered Kvartalsbokslut', 'Lansera Ny Prismodell'],
           ['Ekonomi', 'Försäljning'], ['Pågår', 'Klar', 'Att Göra']),
}


def task():
    lang = pick(sorted(TASKS))
    t, assigned, due, sec, st_, titles, secs, states = TASKS[lang]
    who = la.maybe(0.5, '<<person>>', '—')
    return ('%s: %s\n%s: %s\n%s: <<date>>\n%s: %s\n%s: %s'
            % (t, pick(titles), assigned, who, due, sec, pick(secs), st_, pick(states)))


# ---- chat about services with given names -------------------------------------------------------
CHAT_D = {
    'en': ['Atlas is throwing 502s again, did someone touch the Luna API config?',
           'Nova finished the backfill, Orion can start ingesting now.',
           'Vera keeps paging us at 3am, can we tune the alert?',
           'Stella migrations are stuck on the Phoenix cluster.',
           'Ask Hal to rerun the nightly job; Dexter is still down.',
           'Marvin says the disk on Iris is 95 percent full.'],
    'nl': ['Atlas geeft weer 502 fouten, heeft iemand de Luna API aangepast?',
           'Nova is klaar met de backfill, Orion mag beginnen.'],
    'pl': ['Atlas znowu zwraca 502, ktoś ruszał konfigurację Luny?',
           'Stella nie odpowiada od rana, Phoenix też ma problem.'],
    'it': ['Atlas restituisce di nuovo 502, qualcuno ha toccato Luna?',
           'Vera continua a mandare allarmi di notte, possiamo regolarla?'],
}


def chat_d():
    lang = pick(sorted(CHAT_D))
    lines = rng.sample(CHAT_D[lang], min(len(CHAT_D[lang]), n(1, 3)))
    return '\n'.join(pick(['', '', '<<person>>: ', '> ']) + x for x in lines)


# ---- legal and medical prose without people ---------------------------------------------------
PROSE_D = {
    'cs': ['Článek 4 – Odpovědnost za Škodu\nZhotovitel odpovídá za škodu způsobenou porušením '
           'povinností. Spory rozhoduje Obvodní Soud pro Prahu 1.',
           'Diagnóza: Parkinsonova Choroba, Stav po Cévní Mozkové Příhodě. Doporučení: Levodopa '
           '100 mg třikrát denně.'],
    'ro': ['Articolul 5 – Încetarea Contractului\nOricare Parte poate rezilia Contractul cu '
           'Notificare Scrisă de treizeci de zile. Litigiile se soluționează de Tribunalul '
           'București.',
           'Diagnostic: Boala Addison, Hipotiroidism Subclinic. Tratament: Hidrocortizon 20 mg pe '
           'zi.'],
    'hu': ['3. § Felelősség\nA Vállalkozó felel a Szerződés megszegésével okozott kárért. A '
           'jogvitákra a Fővárosi Törvényszék illetékes.',
           'Diagnózis: Cushing-szindróma, Magas Vérnyomás. Terápia: Ketokonazol, kontroll két hét '
           'múlva.'],
    'sv': ['Bedömning: Sjögrens Syndrom, Torra Ögon. Åtgärd: Remiss till Ögonkliniken och '
           'Reumatologen.',
           'Avtalet regleras av Svensk Rätt. Tvist avgörs av Göteborgs Tingsrätt.'],
    'da': ['Diagnose: Crohns Sygdom, Jernmangelanæmi. Behandling: Budesonid 9 mg dagligt.',
           'Aftalen er underlagt Dansk Ret, og tvister afgøres ved Københavns Byret.'],
    'fi': ['Diagnoosi: Raynaud\'n Oireyhtymä, Kilpirauhasen Vajaatoiminta. Hoito: Nifedipiini.',
           'Sopimukseen sovelletaan Suomen Lakia. Riidat ratkaistaan Helsingin Käräjäoikeudessa.'],
}


def prose_d():
    return pick(PROSE_D[pick(sorted(PROSE_D))])


def paper():
    return pick([
        'As shown by <<person>> and <<person>> (2021), the Monte Carlo Tree Search baseline '
        'underperforms on the Atari Learning Environment.',
        'Acknowledgements: We thank <<person>> for comments on the Bayesian Optimisation section '
        'and the Deep Learning Indaba for travel support.',
        'Related Work. Gradient Boosted Decision Trees and Random Forest Classifiers remain strong '
        'baselines on tabular data (see the Kaggle Survey and the UCI Machine Learning '
        'Repository).',
        'The Iris Flower Dataset and the Boston Housing Dataset are used in Section 4; Student '
        't-tests and the Mann Whitney U Test compare the runs.'])


KINDS_D = [(OBS, 12), (INFRA, 14), (TRACES, 12), ([i18n_d], 15), ([catalogue_d], 10),
           ([task], 8), ([chat_d], 10), ([prose_d], 10), ([paper], 9)]


def record_d():
    return la.weighted_record(KINDS_D, TYPED_D)
