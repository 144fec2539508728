#!/usr/bin/env python3
"""Look-alike set c (`bench/pii_gen_lookalike.py --set c`): PRECISION on the
machine and business text a judge would paste, written before the detector
was run on it and after the rules made from sets a and b, from how these
texts look, not from the scanner's code.

- CI logs: Jenkins (also its localised console: Portuguese, Spanish,
  German, French), GitHub Actions, Azure Pipelines, CircleCI, Buildkite;
- stack traces of Django, Rails, Spring, Laravel, Elixir, Swift, Android,
  .NET with its message in seven languages, Java and PowerShell with
  Windows' localised "file not found";
- Kubernetes events, `kubectl describe`, node conditions;
- SQL: DDL, EXPLAIN plans, SQL Server and MySQL messages, test data;
- i18n resource files (gettext .po, Java .properties, Apple .strings,
  JSON locale files, Android strings.xml, Rails YAML, XLIFF, .resx) with
  twenty UI strings in eighteen languages, title-cased as UIs write them;
- product catalogues (CSV, JSON, feed rows) in six languages, with brands;
- release notes and app-store "what's new" in eight languages;
- calendar invites (iCalendar and the text form) in six languages, meeting
  rooms named after mountains, cities and scientists;
- developers chatting about services and tools named like people (Jenkins,
  Hudson, Jarvis, Alexa, Ruby, Cassandra, Jupyter, Ada, Julia, Sidekiq ...);
- legal and medical prose in nine languages without any person (clauses,
  eponymous diseases: Morbus Crohn, maladie de Parkinson);
- issue tracker exports in four languages.

About 15 % of the texts hold real values, labelled (a translator in a .po
header, the organizer and attendees of an invite, a ticket's assignee, the
user who started a build, test rows in SQL, a supplier's e-mail and phone,
a pod's IP), so recall is measured too. Names come from the world sets'
cultures and from a list written here for this set (Estonian, Filipino,
Swahili, Greek, Romanian, Czech, Turkish, Portuguese, Dutch, Swedish,
Yoruba, Korean).

Seeds 1021 and 1022: scored once before any rule was made from this set.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_lookalike as la  # noqa: E402
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, n, digits, hexs = w.pick, w.n, w.digits, la.hexs

# ---- people of this set (written here) --------------------------------------------------
NAMES_C = {
    'et': (['Kadri', 'Tõnis', 'Maarja', 'Priit', 'Liis', 'Rasmus'],
           ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Rebane']),
    'fil': (['Maricel', 'Jomar', 'Rhea', 'Paolo', 'Liezl', 'Rommel'],
            ['Dela Cruz', 'Bautista', 'Villanueva', 'Manalo', 'Dimaculangan', 'Pangilinan']),
    'sw': (['Amani', 'Baraka', 'Neema', 'Zawadi', 'Juma', 'Rehema'],
           ['Mwangi', 'Otieno', 'Wanjiru', 'Kiprono', 'Achieng', 'Mutua']),
    'el': (['Eleni', 'Dimitris', 'Katerina', 'Giorgos', 'Sofia', 'Nikos'],
           ['Papadopoulos', 'Georgiou', 'Karagianni', 'Vlachos', 'Oikonomou', 'Stavrou']),
    'ro': (['Ioana', 'Mihai', 'Andreea', 'Bogdan', 'Raluca', 'Vlad'],
           ['Popescu', 'Ionescu', 'Dumitrescu', 'Stan', 'Munteanu', 'Constantinescu']),
    'cs': (['Tereza', 'Jakub', 'Barbora', 'Ondřej', 'Kateřina', 'Vojtěch'],
           ['Novák', 'Dvořák', 'Procházková', 'Kučera', 'Veselá', 'Horák']),
    'tr': (['Elif', 'Emre', 'Zeynep', 'Burak', 'Selin', 'Kerem'],
           ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın']),
    'pt': (['Inês', 'Tiago', 'Beatriz', 'Rui', 'Mariana', 'Gonçalo'],
           ['Ferreira', 'Carvalho', 'Pereira', 'Sousa', 'Lopes', 'Marques']),
    'nl': (['Sanne', 'Joris', 'Femke', 'Bram', 'Lotte', 'Thijs'],
           ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit']),
    'sv': (['Linnea', 'Oskar', 'Ebba', 'Viktor', 'Maja', 'Axel'],
           ['Lindqvist', 'Johansson', 'Berglund', 'Nyström', 'Holm', 'Ekström']),
    'yo': (['Adebayo', 'Folake', 'Oluwaseun', 'Titilayo', 'Babatunde', 'Yetunde'],
           ['Adeyemi', 'Ogunleye', 'Balogun', 'Akinola', 'Olawale', 'Adebisi']),
    'ko': (['Minji', 'Jihoon', 'Seoyeon', 'Hyunwoo', 'Yuna', 'Dongmin'],
           ['Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon']),
}


TYPED_C = dict(la.TYPED_B)
TYPED_C['person'] = ('person', 'PERSON', la.person_of(NAMES_C, 0.5))


def handle():
    return pick(['dependabot[bot]', 'renovate[bot]', 'octocat', 'ci-bot', 'release-train',
                 'k8s-ci-robot', 'mergify[bot]', 'devops-team'])


# ---- CI logs ---------------------------------------------------------------------------
JENKINS_L10N = {
    'en': ('Started by user', 'Started by timer', 'Running on', 'in workspace', 'Finished: ',
           ['SUCCESS', 'FAILURE', 'UNSTABLE', 'ABORTED']),
    'pt': ('Iniciado pelo usuário', 'Iniciado pelo temporizador', 'Executando em',
           'no espaço de trabalho', 'Execução Concluída: ',
           ['SUCESSO', 'FALHA', 'INSTÁVEL', 'ABORTADO']),
    'es': ('Lanzada por el usuario', 'Ejecutado por el temporizador', 'Ejecutando en',
           'en el espacio de trabajo', 'Finalizado: ', ['ÉXITO', 'FALLO', 'INESTABLE']),
    'de': ('Gestartet durch Benutzer', 'Gestartet durch Zeitgeber', 'Läuft auf',
           'im Arbeitsbereich', 'Fertig: ', ['ERFOLG', 'FEHLSCHLAG', 'INSTABIL']),
    'fr': ('Démarré par l\'utilisateur', 'Démarré par le timer', 'Exécution sur',
           'dans l\'espace de travail', 'Terminé : ', ['SUCCÈS', 'ÉCHEC', 'INSTABLE']),
}


def jenkins():
    lang = pick(sorted(JENKINS_L10N))
    by_user, by_timer, running, ws, fin, results = JENKINS_L10N[lang]
    start = pick(['%s <<person>>' % by_user, by_timer, 'Started by GitHub push by ' + handle(),
                  'Started by upstream project "platform/build-all" build number <<qty>>'])
    agent = pick(['Jenkins', 'agent-linux-<<qty>>', 'Hudson Agent <<qty>>', 'built-in node'])
    stage = pick(['Checkout SCM', 'Build', 'Unit Tests', 'Static Analysis', 'Deploy To Staging',
                  'Publish Artifacts', 'Integration Tests', 'SonarQube Analysis'])
    return ('%s\n%s %s %s /var/jenkins_home/workspace/%s\n[Pipeline] { (%s)\n[Pipeline] sh\n'
            '+ ./gradlew clean build --no-daemon\nBUILD SUCCESSFUL in <<duration>>\n'
            '<<qty>> actionable tasks: <<qty>> executed\n[Pipeline] }\n[Pipeline] // stage\n'
            'Recording test results\n[Checks API] No suitable checks publisher found.\n%s%s'
            % (start, running, agent, ws, pick(['Payments_Release', 'shop-api_main',
                                                 'Mobile App Nightly', 'Jarvis-Bot_PR-<<qty>>']),
               stage, fin, pick(results)))


CI = [
    jenkins, jenkins,
    lambda: ('##[group]Run actions/setup-node@v4\nwith:\n  node-version: 20.x\n  cache: npm\n'
             '##[endgroup]\nAttempting to download 20.x...\nAcquiring 20.11.1 - x64 from '
             'https://github.com/actions/node-versions/releases/download/20.11.1-<<qty>>/'
             'node-20.11.1-linux-x64.tar.gz\nAdding to the cache ...\nEnvironment details\n'
             '##[group]Run npm test -- --ci\n\n> storefront@<<ver>> test\n> jest --ci\n\n'
             'PASS src/components/ProductCard.test.tsx\nPASS src/hooks/useCart.test.ts\n'
             'FAIL src/pages/Checkout.test.tsx\n  ● Checkout Page › Shows Order Summary\n\n'
             'Test Suites: 1 failed, <<qty>> passed, <<qty>> total\n##[error]Process completed '
             'with exit code 1.\nPost job cleanup.\nCleaning up orphan processes'),
    lambda: ('##[section]Starting: Build Solution\n============================================='
             '=================================\nTask         : Visual Studio Build\n'
             'Description  : Build with MSBuild and set the Visual Studio version property\n'
             'Version      : 1.<<qty>>.0\nAuthor       : Microsoft Corporation\nHelp         : '
             'https://docs.microsoft.com/azure/devops/pipelines/tasks/build/visual-studio-build\n'
             '============================================================================\n'
             'Restore Packages For Acme.Ordering.sln\nBuild succeeded.\n    <<qty>> Warning(s)\n'
             '    0 Error(s)\nTime Elapsed 00:0<<qty>>:<<qty>>.<<qty>>\n##[section]Finishing: '
             'Build Solution'),
    lambda: ('Spin Up Environment\nBuild-agent version <<ver>> (<<ts>>)\nCreating Docker '
             'containers in parallel\nUsing build environment variables\n  CIRCLE_BRANCH=main\n'
             '  CIRCLE_BUILD_NUM=<<qty>>\n  CIRCLE_SHA1=<<gitfull>>\nPreparing Environment '
             'Variables\nCheckout Code\nRestoring Cache\nFound a cache from build <<qty>> at '
             'v2-deps-<<gitshort>>\nRun Tests\nRan <<qty>> tests in <<duration>>\nOK '
             '(skipped=<<qty>>)\nSaving Cache\nUploading Test Results\nTask Lifecycle: '
             'Success'),
    lambda: ('~~~ Preparing Working Directory\n$ cd /var/lib/buildkite-agent/builds/'
             'ip-<<qty>>-<<qty>>/acme/monorepo\n$ git fetch -v --prune -- origin '
             'refs/heads/main\n~~~ Running Plugin Docker Compose Command Hook\n+++ :rspec: Run '
             'Specs\nRandomized with seed <<qty>>\n\nFinished in <<duration>> (files took '
             '<<duration>> to load)\n<<qty>> examples, 0 failures\n~~~ Uploading Artifacts\n'
             'Found <<qty>> files that match "coverage/**/*"\nUploaded Artifact: coverage/'
             'index.html'),
    lambda: ('[INFO] Scanning for projects...\n[INFO] ------------------< com.acme:billing-'
             'service >------------------\n[INFO] Building Billing Service <<ver>>\n[INFO] '
             '--------------------------------[ jar ]---------------------------------\n'
             '[INFO] --- maven-surefire-plugin:3.2.5:test (default-test) @ billing-service ---\n'
             '[INFO] Running com.acme.billing.InvoiceGeneratorTest\n[INFO] Tests run: <<qty>>, '
             'Failures: 0, Errors: 0, Skipped: 1\n[WARNING] Tests run: <<qty>>, Failures: 0, '
             'Errors: 0, Skipped: 1\n[INFO] BUILD SUCCESS\n[INFO] Total time:  <<duration>>\n'
             '[INFO] Finished at: <<ts>>'),
]

# ---- stack traces ------------------------------------------------------------------------
NRE = {'de': ('Der Objektverweis wurde nicht auf eine Objektinstanz festgelegt.', 'bei', 'in',
              'Zeile'),
       'fr': ("La référence d'objet n'est pas définie à une instance d'un objet.", 'à', 'dans',
              'ligne'),
       'es': ('Referencia a objeto no establecida como instancia de un objeto.', 'en', 'en',
              'línea'),
       'pt': ('Referência de objeto não definida para uma instância de um objeto.', 'em', 'em',
              'linha'),
       'it': ("Riferimento a un oggetto non impostato su un'istanza di oggetto.", 'in', 'in',
              'riga'),
       'ru': ('Ссылка на объект не указывает на экземпляр объекта.', 'в', 'в', 'строка'),
       'ja': ('オブジェクト参照がオブジェクト インスタンスに設定されていません。', '場所', '場所', '行')}
NOT_FOUND = {'de': 'Das System kann die angegebene Datei nicht finden',
             'fr': 'Le fichier spécifié est introuvable',
             'es': 'El sistema no puede encontrar el archivo especificado',
             'it': 'Impossibile trovare il file specificato',
             'pt': 'O sistema não pode encontrar o arquivo especificado',
             'ru': 'Не удается найти указанный файл', 'pl': 'Nie można odnaleźć określonego pliku',
             'nl': 'Het systeem kan het opgegeven bestand niet vinden'}


def dotnet():
    msg, at, inn, line = NRE[pick(sorted(NRE))]
    cls = pick(['Acme.Web.Controllers.CheckoutController.Confirm(OrderViewModel model)',
                'Contoso.Billing.Services.InvoiceService.Render(Guid invoiceId)',
                'Fabrikam.Hr.Jarvis.Scheduler.RunNightly()'])
    return ('System.NullReferenceException: %s\n   %s %s %s C:\\agent\\_work\\1\\s\\src\\Web\\'
            'Controllers\\CheckoutController.cs:%s <<qty>>\n   %s Microsoft.AspNetCore.Mvc.'
            'Infrastructure.ActionMethodExecutor.SyncActionResultExecutor.Execute(IActionResult'
            'TypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] '
            'arguments)\n   %s Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.'
            'InvokeActionMethodAsync()' % (msg, at, cls, inn, line, at, at))


def java_io():
    msg = NOT_FOUND[pick(sorted(NOT_FOUND))]
    return ('java.io.FileNotFoundException: C:\\ProgramData\\Acme\\Hudson\\config.xml (%s)\n'
            '\tat java.base/java.io.FileInputStream.open0(Native Method)\n\tat java.base/java.io.'
            'FileInputStream.open(FileInputStream.java:216)\n\tat hudson.XmlFile.read(XmlFile.'
            'java:<<qty>>)\n\tat jenkins.model.Jenkins.loadConfig(Jenkins.java:<<qty>>)' % msg)


def powershell():
    lang = pick(['de', 'fr', 'es', 'en'])
    msg = {'de': 'Der Pfad "C:\\Deploy\\Release\\app.zip" kann nicht gefunden werden, da er nicht '
                 'vorhanden ist.',
           'fr': 'Impossible de trouver le chemin d\'accès « C:\\Deploy\\Release\\app.zip », car '
                 'il n\'existe pas.',
           'es': 'No se encuentra la ruta de acceso \'C:\\Deploy\\Release\\app.zip\' porque no '
                 'existe.',
           'en': 'Cannot find path \'C:\\Deploy\\Release\\app.zip\' because it does not exist.'}
    return ('Get-Item : %s\nIn C:\\Deploy\\Scripts\\Publish-Release.ps1:<<qty>> Zeichen:5\n+     '
            '$pkg = Get-Item $PackagePath\n+     ~~~~~~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo  '
            '        : ObjectNotFound: (C:\\Deploy\\Release\\app.zip:String) [Get-Item], '
            'ItemNotFoundException\n    + FullyQualifiedErrorId : PathNotFound,Microsoft.'
            'PowerShell.Commands.GetItemCommand' % msg[lang])


TRACES = [
    dotnet, dotnet, java_io, powershell,
    lambda: ('Internal Server Error: /api/orders/<<qty>>/\nTraceback (most recent call last):\n'
             '  File "/usr/local/lib/python3.12/site-packages/django/db/backends/utils.py", line '
             '<<qty>>, in _execute\n    return self.cursor.execute(sql, params)\n'
             'psycopg.errors.UniqueViolation: duplicate key value violates unique constraint '
             '"shop_order_reference_key"\nDETAIL:  Key (reference)=(<<order>>) already exists.\n'
             '\nThe above exception was the direct cause of the following exception:\n\n'
             'django.db.utils.IntegrityError: duplicate key value violates unique constraint '
             '"shop_order_reference_key"\n[<<ts>>] ERROR django.request: Internal Server Error'),
    lambda: ('Started PATCH "/admin/products/<<qty>>" for <<ip.4>> at <<ts>>\nProcessing by '
             'Admin::ProductsController#update as HTML\n  Parameters: {"product"=>{"title"=>'
             '"Aurora Desk Lamp", "vendor"=>"Nordhaven Living"}, "id"=>"<<qty>>"}\nCompleted 404 '
             'Not Found in <<qty>>ms (ActiveRecord: <<amount>>ms)\n\nActiveRecord::RecordNotFound '
             '(Couldn\'t find Product with \'id\'=<<qty>>):\n\napp/controllers/admin/products_'
             'controller.rb:<<qty>>:in `set_product\''),
    lambda: ('***************************\nAPPLICATION FAILED TO START\n'
             '***************************\n\nDescription:\n\nParameter 0 of constructor in com.'
             'acme.notify.AlexaSkillHandler required a bean of type \'com.acme.notify.'
             'VoiceGateway\' that could not be found.\n\nAction:\n\nConsider defining a bean of '
             'type \'com.acme.notify.VoiceGateway\' in your configuration.\n<<ts>>  WARN '
             '<<pid>> --- [           main] ConfigServletWebServerApplicationContext : '
             'Exception encountered during context initialization'),
    lambda: ('[<<ts>>] production.ERROR: SQLSTATE[42S22]: Column not found: 1054 Unknown column '
             '\'customers.loyalty_tier\' in \'where clause\' (Connection: mysql, SQL: select * '
             'from `customers` where `customers`.`loyalty_tier` = Gold limit 1) {"exception":'
             '"[object] (Illuminate\\\\Database\\\\QueryException(code: 42S22)"}\n#0 /var/www/'
             'vendor/laravel/framework/src/Illuminate/Database/Connection.php(<<qty>>): '
             'Illuminate\\\\Database\\\\Connection->runQueryCallback()'),
    lambda: ('** (FunctionClauseError) no function clause matching in Ledger.Posting.apply/2\n\n'
             '    The following arguments were given to Ledger.Posting.apply/2:\n\n        # 1\n'
             '        %Ledger.Account{id: <<qty>>, currency: "EUR", status: :frozen}\n\n'
             '    (ledger <<ver>>) lib/ledger/posting.ex:<<qty>>: Ledger.Posting.apply/2\n'
             '    (elixir 1.16.1) lib/enum.ex:1700: Enum."-map/2-lists^map/1-1-"/2'),
    lambda: ('Fatal error: Unexpectedly found nil while implicitly unwrapping an Optional value: '
             'file Storefront/CheckoutViewController.swift, line <<qty>>\n2024-<<qty>> '
             'Storefront[<<pid>>:<<pid>>] *** Terminating app\nThread 0 Crashed:: Dispatch queue: '
             'com.apple.main-thread\n0   Storefront   0x0000000100<<gitshort>> '
             'CheckoutViewController.viewDidLoad() + 412'),
    lambda: ('E/AndroidRuntime: FATAL EXCEPTION: main\n    Process: com.acme.shop, PID: <<pid>>\n'
             '    java.lang.RuntimeException: Unable to start activity ComponentInfo{com.acme.shop/'
             'com.acme.shop.ui.MainActivity}: android.view.InflateException: Binary XML file line '
             '#<<qty>> in com.acme.shop:layout/activity_main: Error inflating class com.google.'
             'android.material.appbar.MaterialToolbar\n        at android.app.ActivityThread.'
             'performLaunchActivity(ActivityThread.java:<<qty>>)'),
]

# ---- Kubernetes ---------------------------------------------------------------------------
K8S = [
    lambda: ('LAST SEEN   TYPE      REASON              OBJECT                            '
             'MESSAGE\n<<qty>>m         Normal    Scheduled           pod/<<pod>>   '
             'Successfully assigned prod/<<pod>> to worker-<<qty>>\n<<qty>>m         Normal    '
             'Pulling             pod/<<pod>>   Pulling image "ghcr.io/acme/jarvis:<<ver>>"\n'
             '<<qty>>m         Warning   FailedMount         pod/<<pod>>   MountVolume.SetUp '
             'failed for volume "config" : configmap "jarvis-settings" not found\n<<qty>>s         '
             'Warning   Unhealthy           pod/<<pod>>   Readiness probe failed: HTTP probe '
             'failed with statuscode: 503\n<<qty>>s         Normal    SuccessfulCreate    '
             'replicaset/jarvis-<<gitshort>>   Created pod: <<pod>>\n<<qty>>s         Normal    '
             'Killing             pod/<<pod>>   Stopping container jarvis'),
    lambda: ('Name:             <<pod>>\nNamespace:        payments\nPriority:         0\n'
             'Service Account:  default\nNode:             worker-<<qty>>/<<ip.4>>\nStart Time:  '
             '     <<ts>>\nLabels:           app=hudson-agent\n                  pod-template-'
             'hash=<<gitshort>>\nStatus:           Running\nIP:               <<ip.4>>\n'
             'Controlled By:    ReplicaSet/hudson-agent-<<gitshort>>\nContainers:\n  agent:\n    '
             'Image:          jenkins/inbound-agent:<<ver>>\n    State:          Running\n    '
             'Ready:          True\n    Restart Count:  <<qty>>\nConditions:\n  Type              '
             'Status\n  Initialized       True\n  Ready             True\n  ContainersReady   '
             'True\n  PodScheduled      True\nQoS Class:                   Burstable\n'
             'Events:                      <none>'),
    lambda: ('Conditions:\n  Type             Status  Reason                       Message\n  '
             '----             ------  ------                       -------\n  MemoryPressure   '
             'False   KubeletHasSufficientMemory   kubelet has sufficient memory available\n  '
             'DiskPressure     False   KubeletHasNoDiskPressure     kubelet has no disk pressure\n'
             '  PIDPressure      False   KubeletHasSufficientPID      kubelet has sufficient PID '
             'available\n  Ready            True    KubeletReady                 kubelet is posting '
             'ready status\nAllocatable:\n  cpu:                3920m\n  memory:             '
             '<<qty>>Mi\nSystem Info:\n  Machine ID:                 <<trace>>\n  Kernel Version:  '
             '           <<kernel>>\n  OS Image:                   Ubuntu 22.04.4 LTS\n  Container '
             'Runtime Version:  containerd://1.7.<<qty>>'),
    lambda: ('Warning  FailedScheduling  <<qty>>s  default-scheduler  0/<<qty>> nodes are available: '
             '<<qty>> Insufficient memory, <<qty>> node(s) had untolerated taint {node-role.'
             'kubernetes.io/control-plane: }. preemption: 0/<<qty>> nodes are available\n'
             'Normal   TriggeredScaleUp  <<qty>>s  cluster-autoscaler  pod triggered scale-up: '
             '[{eks-Alexa-Workers-<<gitshort>> <<qty>>->' '<<qty>> (max: 10)}]\n'
             'Warning  BackOff  <<qty>>s  kubelet  Back-off restarting failed container cassandra '
             'in pod cassandra-0_data(<<uuid>>)'),
]

# ---- SQL ----------------------------------------------------------------------------------
SQL = [
    lambda: ('CREATE TABLE Customers (\n    CustomerID INT IDENTITY(1,1) PRIMARY KEY,\n    '
             'FirstName NVARCHAR(50) NOT NULL,\n    LastName NVARCHAR(50) NOT NULL,\n    '
             'EmailAddress NVARCHAR(255) UNIQUE,\n    LoyaltyTier VARCHAR(10) DEFAULT \'Silver\',\n'
             '    CreatedAt DATETIME2 DEFAULT SYSUTCDATETIME()\n);\nALTER TABLE Orders ADD '
             'CONSTRAINT FK_Orders_Customers FOREIGN KEY (CustomerID) REFERENCES Customers('
             'CustomerID);\nCREATE NONCLUSTERED INDEX IX_Customers_LastName ON Customers '
             '(LastName);'),
    lambda: ('Msg 2627, Level 14, State 1, Procedure usp_InsertOrder, Line <<qty>> [Batch Start '
             'Line 0]\nViolation of PRIMARY KEY constraint \'PK_Orders\'. Cannot insert duplicate '
             'key in object \'dbo.Orders\'. The duplicate key value is (<<offset>>).\nThe '
             'statement has been terminated.\n\nCompletion time: <<ts>>'),
    lambda: ('EXPLAIN ANALYZE SELECT c.Region, SUM(o.Total) FROM orders o JOIN customers c ON '
             'c.id = o.customer_id WHERE o.Status = \'Shipped\' GROUP BY c.Region;\n'
             ' HashAggregate  (cost=<<amount>>..<<amount>> rows=<<qty>> width=40) (actual '
             'time=<<amount>>..<<amount>> rows=<<qty>> loops=1)\n   Group Key: c.region\n   ->  '
             'Hash Join  (cost=<<amount>>..<<amount>> rows=<<bytes>> width=14)\n         Hash '
             'Cond: (o.customer_id = c.id)\n         ->  Seq Scan on orders o  (cost=0.00..'
             '<<amount>> rows=<<bytes>> width=14)\n               Filter: (status = '
             '\'Shipped\'::text)\n               Rows Removed by Filter: <<bytes>>\n Planning '
             'Time: <<amount>> ms\n Execution Time: <<amount>> ms'),
    lambda: ('mysql> SELECT Status, COUNT(*) FROM Tickets GROUP BY Status;\n+-------------+-------'
             '---+\n| Status      | COUNT(*) |\n+-------------+----------+\n| Open        |      '
             '<<qty>> |\n| In Progress |      <<qty>> |\n| Won\'t Fix   |       <<qty>> |\n| '
             'Closed      |     <<qty>> |\n+-------------+----------+\n4 rows in set (0.0<<qty>> '
             'sec)'),
    lambda: ("-- seed data for local development\nINSERT INTO employees (full_name, email, "
             "department, title) VALUES\n  ('<<person>>', '<<email>>', 'Engineering', 'Staff "
             "Engineer'),\n  ('<<person>>', '<<email>>', 'Finance', 'Accounts Payable Lead');\n"
             "UPDATE departments SET Name = 'Research And Development' WHERE Code = 'RND';"),
    lambda: ("CREATE VIEW v_ActiveSubscriptions AS\nSELECT s.SubscriptionId, p.ProductName AS "
             "'Product Name', p.PlanTier AS 'Plan Tier', s.RenewsOn AS 'Renews On'\nFROM "
             "Subscriptions s\nINNER JOIN Products p ON p.ProductId = s.ProductId\nWHERE "
             "s.Status IN ('Active', 'Past Due', 'Trialing');"),
]

# ---- i18n resource files ------------------------------------------------------------------
UI_KEYS = ['sign_in', 'forgot_password', 'order_history', 'shipping_address', 'payment_method',
           'add_to_cart', 'continue_shopping', 'account_settings', 'log_out', 'privacy_policy',
           'contact_us', 'search_results', 'save_changes', 'delete_account', 'welcome_back',
           'new_arrivals', 'best_sellers', 'customer_service', 'track_order', 'gift_cards']
UI = {
    'en': 'Sign In|Forgot Your Password?|Order History|Shipping Address|Payment Method|Add to '
          'Cart|Continue Shopping|Account Settings|Log Out|Privacy Policy|Contact Us|Search '
          'Results|Save Changes|Delete Account|Welcome back, {}!|New Arrivals|Best Sellers|'
          'Customer Service|Track Your Order|Gift Cards',
    'de': 'Anmelden|Passwort Vergessen?|Bestellverlauf|Lieferadresse|Zahlungsart|In den '
          'Warenkorb|Weiter Einkaufen|Kontoeinstellungen|Abmelden|Datenschutzerklärung|Kontakt '
          'Aufnehmen|Suchergebnisse|Änderungen Speichern|Konto Löschen|Willkommen zurück, {}!|'
          'Neuheiten|Bestseller|Kundenservice|Sendung Verfolgen|Geschenkkarten',
    'fr': 'Se Connecter|Mot de Passe Oublié ?|Historique des Commandes|Adresse de Livraison|'
          'Moyen de Paiement|Ajouter au Panier|Continuer Mes Achats|Paramètres du Compte|'
          'Déconnexion|Politique de Confidentialité|Nous Contacter|Résultats de Recherche|'
          'Enregistrer les Modifications|Supprimer le Compte|Bon retour, {} !|Nouveautés|'
          'Meilleures Ventes|Service Client|Suivre Ma Commande|Cartes Cadeaux',
    'es': 'Iniciar Sesión|¿Olvidaste tu Contraseña?|Historial de Pedidos|Dirección de Envío|'
          'Método de Pago|Añadir al Carrito|Seguir Comprando|Configuración de la Cuenta|Cerrar '
          'Sesión|Política de Privacidad|Contáctanos|Resultados de Búsqueda|Guardar Cambios|'
          'Eliminar Cuenta|¡Bienvenido de nuevo, {}!|Novedades|Más Vendidos|Atención al Cliente|'
          'Rastrear Pedido|Tarjetas Regalo',
    'it': 'Accedi|Password Dimenticata?|Storico Ordini|Indirizzo di Spedizione|Metodo di '
          'Pagamento|Aggiungi al Carrello|Continua gli Acquisti|Impostazioni Account|Esci|'
          'Informativa sulla Privacy|Contattaci|Risultati della Ricerca|Salva Modifiche|Elimina '
          'Account|Bentornato, {}!|Nuovi Arrivi|Più Venduti|Servizio Clienti|Traccia il Tuo '
          'Ordine|Carte Regalo',
    'pt': 'Entrar|Esqueceu Sua Senha?|Histórico de Pedidos|Endereço de Entrega|Forma de '
          'Pagamento|Adicionar ao Carrinho|Continuar Comprando|Configurações da Conta|Sair|'
          'Política de Privacidade|Fale Conosco|Resultados da Pesquisa|Salvar Alterações|'
          'Excluir Conta|Bem-vindo de volta, {}!|Lançamentos|Mais Vendidos|Atendimento ao '
          'Cliente|Rastrear Pedido|Cartões Presente',
    'nl': 'Inloggen|Wachtwoord Vergeten?|Bestelgeschiedenis|Bezorgadres|Betaalmethode|In '
          'Winkelwagen|Verder Winkelen|Accountinstellingen|Uitloggen|Privacybeleid|Neem Contact '
          'Op|Zoekresultaten|Wijzigingen Opslaan|Account Verwijderen|Welkom terug, {}!|Nieuw '
          'Binnen|Bestsellers|Klantenservice|Volg Je Bestelling|Cadeaubonnen',
    'pl': 'Zaloguj Się|Nie Pamiętasz Hasła?|Historia Zamówień|Adres Dostawy|Metoda Płatności|'
          'Dodaj do Koszyka|Kontynuuj Zakupy|Ustawienia Konta|Wyloguj|Polityka Prywatności|'
          'Skontaktuj Się z Nami|Wyniki Wyszukiwania|Zapisz Zmiany|Usuń Konto|Witaj ponownie, '
          '{}!|Nowości|Bestsellery|Obsługa Klienta|Śledź Przesyłkę|Karty Podarunkowe',
    'sv': 'Logga In|Glömt Lösenordet?|Orderhistorik|Leveransadress|Betalningssätt|Lägg i '
          'Varukorgen|Fortsätt Handla|Kontoinställningar|Logga Ut|Integritetspolicy|Kontakta Oss|'
          'Sökresultat|Spara Ändringar|Radera Konto|Välkommen tillbaka, {}!|Nyheter|Mest Sålda|'
          'Kundtjänst|Spåra Din Order|Presentkort',
    'tr': 'Giriş Yap|Şifrenizi mi Unuttunuz?|Sipariş Geçmişi|Teslimat Adresi|Ödeme Yöntemi|'
          'Sepete Ekle|Alışverişe Devam Et|Hesap Ayarları|Çıkış Yap|Gizlilik Politikası|Bize '
          'Ulaşın|Arama Sonuçları|Değişiklikleri Kaydet|Hesabı Sil|Tekrar hoş geldin, {}!|Yeni '
          'Gelenler|Çok Satanlar|Müşteri Hizmetleri|Siparişini Takip Et|Hediye Kartları',
    'ru': 'Войти|Забыли Пароль?|История Заказов|Адрес Доставки|Способ Оплаты|Добавить в '
          'Корзину|Продолжить Покупки|Настройки Аккаунта|Выйти|Политика Конфиденциальности|'
          'Связаться с Нами|Результаты Поиска|Сохранить Изменения|Удалить Аккаунт|С '
          'возвращением, {}!|Новинки|Хиты Продаж|Служба Поддержки|Отследить Заказ|Подарочные '
          'Карты',
    'cs': 'Přihlásit Se|Zapomenuté Heslo?|Historie Objednávek|Doručovací Adresa|Způsob Platby|'
          'Přidat do Košíku|Pokračovat v Nákupu|Nastavení Účtu|Odhlásit Se|Zásady Ochrany '
          'Osobních Údajů|Kontaktujte Nás|Výsledky Hledání|Uložit Změny|Smazat Účet|Vítejte '
          'zpět, {}!|Novinky|Nejprodávanější|Zákaznický Servis|Sledovat Zásilku|Dárkové Karty',
    'ro': 'Autentificare|Ai Uitat Parola?|Istoricul Comenzilor|Adresa de Livrare|Metoda de '
          'Plată|Adaugă în Coș|Continuă Cumpărăturile|Setările Contului|Deconectare|Politica de '
          'Confidențialitate|Contactează-ne|Rezultatele Căutării|Salvează Modificările|Șterge '
          'Contul|Bine ai revenit, {}!|Noutăți|Cele Mai Vândute|Serviciul Clienți|Urmărește '
          'Comanda|Carduri Cadou',
    'hu': 'Bejelentkezés|Elfelejtett Jelszó?|Rendelési Előzmények|Szállítási Cím|Fizetési Mód|'
          'Kosárba Teszem|Vásárlás Folytatása|Fiókbeállítások|Kijelentkezés|Adatvédelmi '
          'Nyilatkozat|Kapcsolat|Keresési Találatok|Módosítások Mentése|Fiók Törlése|Üdv újra, '
          '{}!|Újdonságok|Legnépszerűbb|Ügyfélszolgálat|Rendelés Követése|Ajándékkártyák',
    'fi': 'Kirjaudu Sisään|Unohditko Salasanan?|Tilaushistoria|Toimitusosoite|Maksutapa|Lisää '
          'Ostoskoriin|Jatka Ostoksia|Tilin Asetukset|Kirjaudu Ulos|Tietosuojaseloste|Ota '
          'Yhteyttä|Hakutulokset|Tallenna Muutokset|Poista Tili|Tervetuloa takaisin, {}!|'
          'Uutuudet|Myydyimmät|Asiakaspalvelu|Seuraa Tilaustasi|Lahjakortit',
    'id': 'Masuk|Lupa Kata Sandi?|Riwayat Pesanan|Alamat Pengiriman|Metode Pembayaran|Tambah ke '
          'Keranjang|Lanjut Belanja|Pengaturan Akun|Keluar|Kebijakan Privasi|Hubungi Kami|Hasil '
          'Pencarian|Simpan Perubahan|Hapus Akun|Selamat datang kembali, {}!|Produk Baru|'
          'Terlaris|Layanan Pelanggan|Lacak Pesanan|Kartu Hadiah',
    'vi': 'Đăng Nhập|Quên Mật Khẩu?|Lịch Sử Đơn Hàng|Địa Chỉ Giao Hàng|Phương Thức Thanh Toán|'
          'Thêm Vào Giỏ|Tiếp Tục Mua Sắm|Cài Đặt Tài Khoản|Đăng Xuất|Chính Sách Bảo Mật|Liên Hệ|'
          'Kết Quả Tìm Kiếm|Lưu Thay Đổi|Xóa Tài Khoản|Chào mừng trở lại, {}!|Hàng Mới Về|Bán '
          'Chạy Nhất|Chăm Sóc Khách Hàng|Theo Dõi Đơn Hàng|Thẻ Quà Tặng',
    'da': 'Log Ind|Glemt Adgangskode?|Ordrehistorik|Leveringsadresse|Betalingsmetode|Læg i '
          'Kurven|Fortsæt med at Handle|Kontoindstillinger|Log Ud|Privatlivspolitik|Kontakt Os|'
          'Søgeresultater|Gem Ændringer|Slet Konto|Velkommen tilbage, {}!|Nyheder|Bestsellere|'
          'Kundeservice|Spor Din Ordre|Gavekort',
}
UI = {k: dict(zip(UI_KEYS, v.split('|'))) for k, v in UI.items()}
UI_LANGS = sorted(UI)


def camel(key):
    return ''.join(p.capitalize() for p in key.split('_'))


def prop_escape(s):
    return ''.join(c if ord(c) < 128 else '\\u%04x' % ord(c) for c in s)


def i18n():
    lang = pick([x for x in UI_LANGS if x != 'en'])
    keys = rng.sample(UI_KEYS, n(4, 8))
    tr, en = UI[lang], UI['en']
    form = pick(['po', 'properties', 'strings', 'json', 'android', 'yaml', 'xliff', 'resx'])
    if form == 'po':
        head = ('# %s translation of storefront.\n# Copyright (C) 2024 Acme Inc.\nmsgid ""\n'
                'msgstr ""\n"Project-Id-Version: storefront <<ver>>\\n"\n%s"Language: %s\\n"\n'
                '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
                % (lang, la.maybe(0.5, '"Last-Translator: <<person>> <<<email>>>\\n"\n'), lang))
        body = ''.join('\n#: templates/account/%s.html:<<qty>>\nmsgid "%s"\nmsgstr "%s"\n'
                       % (k, en[k].format('%s'), tr[k].format('%s')) for k in keys)
        return head + body
    if form == 'properties':
        esc = rng.random() < 0.5
        return ('# messages_%s.properties\n' % lang) + ''.join(
            'account.%s=%s\n' % (k.replace('_', '.'), (prop_escape if esc else str)(
                tr[k].format('{0}'))) for k in keys)
    if form == 'strings':
        return ('/* Localizable.strings (%s) */\n' % lang) + ''.join(
            '"%s" = "%s";\n' % (camel(k)[0].lower() + camel(k)[1:], tr[k].format('%@'))
            for k in keys)
    if form == 'json':
        return '{\n  "%s": {\n%s\n  }\n}' % (pick(['account', 'checkout', 'nav', 'common']), ',\n'.join(
            '    "%s": "%s"' % (camel(k)[0].lower() + camel(k)[1:], tr[k].format('{{name}}'))
            for k in keys))
    if form == 'android':
        return ('<?xml version="1.0" encoding="utf-8"?>\n<!-- values-%s/strings.xml -->\n'
                '<resources>\n' % lang) + ''.join(
            '    <string name="%s">%s</string>\n' % (k, tr[k].format('%1$s')) for k in keys) + \
            '</resources>'
    if form == 'yaml':
        return '%s:\n  shop:\n%s' % (lang, ''.join(
            '    %s: "%s"\n' % (k, tr[k].format('%{name}')) for k in keys))
    if form == 'xliff':
        return ('<xliff version="1.2">\n <file source-language="en" target-language="%s" '
                'datatype="plaintext" original="messages">\n  <body>\n' % lang) + ''.join(
            '   <trans-unit id="%s">\n    <source>%s</source>\n    <target>%s</target>\n'
            '   </trans-unit>\n' % (k, en[k].format('{name}'), tr[k].format('{name}'))
            for k in keys) + '  </body>\n </file>\n</xliff>'
    return ('<!-- Resources.%s.resx -->\n' % lang) + ''.join(
        '  <data name="%s" xml:space="preserve">\n    <value>%s</value>\n  </data>\n'
        % (camel(k), tr[k].format('{0}')) for k in keys)


# ---- product catalogues -------------------------------------------------------------------
PRODUCTS = {
    'en': ['Aurora Desk Lamp', 'Nordic Oak Dining Table', 'Harbor Linen Duvet Cover',
           'Summit Trail Backpack 35L', 'Earl Grey Loose Leaf Tea', 'Granny Smith Apples',
           'Victoria Sponge Cake Mix', 'Heritage Cast Iron Skillet', 'Bluetooth Noise '
           'Cancelling Headphones', 'Wellington Rain Boots'],
    'de': ['Tischleuchte Luna Messing', 'Esstisch Eiche Massiv', 'Daunendecke Ganzjahr',
           'Wanderrucksack Alpin 30 Liter', 'Edelstahl Kochtopf Set', 'Bio Vollkorn Haferflocken',
           'Kinderfahrrad Blitz 16 Zoll', 'Schreibtischstuhl Ergonomisch'],
    'fr': ['Lampe de Chevet Laiton Doré', 'Chaise Scandinave Bois Naturel', 'Housse de Couette '
           'Lin Lavé', 'Sac à Dos Randonnée', 'Cocotte en Fonte Émaillée', 'Confiture Fraise '
           'Bonne Maman', 'Bougie Parfumée Fleur de Coton'],
    'es': ['Sofá Cama Tres Plazas', 'Lámpara de Pie Arco Negro', 'Juego de Sartenes '
           'Antiadherentes', 'Mochila Escolar Reforzada', 'Aceite de Oliva Virgen Extra',
           'Colchón Viscoelástico Premium'],
    'it': ['Lampada da Tavolo Ottone', 'Divano Angolare Grigio Antracite', 'Caffettiera Moka '
           'Express', 'Pasta di Gragnano Igp', 'Piumino Matrimoniale Invernale'],
    'pt': ['Conjunto de Panelas Antiaderente', 'Cadeira Gamer Reclinável', 'Guarda Roupa Casal '
           'Branco', 'Fone de Ouvido Sem Fio', 'Cafeteira Elétrica Programável'],
}
BRANDS = ['Nordhaven', 'Casa Bella', 'Maison Lumière', 'Ferro & Figli', 'Oakridge Home',
          'Hugo Boss', 'Calvin Klein', 'Ralph Lauren', 'Tommy Hilfiger', 'Ted Baker',
          'Paul Smith', 'Bonne Maman', 'Le Creuset', 'Dr. Oetker', 'Jack Wolfskin', 'Tramontina',
          'Bialetti', 'Vileda', 'Tefal', 'Rituals']
COLOURS = ['Midnight Blue', 'Forest Green', 'Sand Beige', 'Mitternachtsblau', 'Anthrazit',
           'Bleu Nuit', 'Vert Sauge', 'Verde Salvia', 'Azul Marino', 'Grigio Perla', 'Off White',
           'Rose Gold', 'Charcoal Grey']
CATEGORY = ['Home & Living > Lighting', 'Küche > Kochgeschirr', 'Maison > Literie',
            'Hogar > Muebles', 'Casa > Cucina', 'Casa e Jardim > Cozinha', 'Outdoor > Backpacks',
            'Lebensmittel > Frühstück']


def product_row(lang):
    return (pick(PRODUCTS[lang]), pick(BRANDS), pick(COLOURS), pick(CATEGORY))


def catalogue():
    lang = pick(sorted(PRODUCTS))
    form = pick(['csv', 'json', 'feed', 'list'])
    rows = [product_row(lang) for _ in range(n(2, 4))]
    if form == 'csv':
        return 'sku;title;brand;colour;category;price;ean\n' + '\n'.join(
            '<<sku2>>;%s;%s;%s;%s;<<amount>>;<<ean>>' % r for r in rows)
    if form == 'json':
        return '[\n' + ',\n'.join(
            '  {"sku": "<<sku2>>", "name": "%s", "brand": "%s", "color": "%s", "category": '
            '"%s", "price": {"amount": <<amount>>, "currency": "EUR"}, "gtin": "<<ean>>"}' % r
            for r in rows) + '\n]'
    if form == 'feed':
        return '\n'.join('<item>\n  <g:id><<sku2>></g:id>\n  <g:title>%s</g:title>\n  <g:brand>'
                         '%s</g:brand>\n  <g:color>%s</g:color>\n  <g:product_type>%s</g:'
                         'product_type>\n  <g:price><<amount>> EUR</g:price>\n</item>' % r
                         for r in rows)
    head = pick(['Supplier price list', 'Lieferantenpreisliste', 'Tarif fournisseur',
                 'Lista de precios'])
    contact = la.maybe(0.3, '\nContact: <<email>>, <<phone>>')
    return head + ' <<date>>' + contact + '\n' + '\n'.join(
        '- %s (%s, %s) - <<price>>' % r[:3] for r in rows)


# ---- release notes ------------------------------------------------------------------------
NOTES = {
    'en': ("What's New in Version", 'New Features', 'Bug Fixes', 'Known Issues',
           ['Dark Mode Support', 'Faster Photo Uploads', 'Apple Pay at Checkout',
            'Offline Reading List'],
           ['Fixed a Crash When Opening Order Details', 'Push Notifications Arrive Again',
            'Improved VoiceOver Labels']),
    'de': ('Neu in Version', 'Neue Funktionen', 'Fehlerbehebungen', 'Bekannte Probleme',
           ['Dunkler Modus', 'Schnellere Suche', 'Bezahlen mit Klarna'],
           ['Absturz beim Öffnen der Bestellübersicht behoben', 'Mitteilungen Kommen Wieder An']),
    'fr': ('Nouveautés de la Version', 'Nouvelles Fonctionnalités', 'Corrections de Bugs',
           'Problèmes Connus', ['Mode Sombre', 'Paiement Fractionné', 'Widget Météo'],
           ['Correction d\'un Plantage au Démarrage', 'Amélioration de la Stabilité']),
    'es': ('Novedades de la Versión', 'Nuevas Funciones', 'Correcciones', 'Problemas Conocidos',
           ['Modo Oscuro', 'Pagos con Bizum', 'Lista de Deseos Compartida'],
           ['Solucionado el Cierre Inesperado al Pagar', 'Mejoras de Rendimiento']),
    'pt': ('Novidades da Versão', 'Novos Recursos', 'Correções de Erros', 'Problemas Conhecidos',
           ['Modo Escuro', 'Pagamento com Pix', 'Rastreamento em Tempo Real'],
           ['Corrigido Travamento ao Abrir o Carrinho', 'Melhorias de Desempenho']),
    'it': ('Novità della Versione', 'Nuove Funzionalità', 'Correzioni', 'Problemi Noti',
           ['Modalità Scura', 'Pagamento con Satispay'], ['Risolto Arresto Anomalo all\'Avvio']),
    'nl': ('Nieuw in Versie', 'Nieuwe Functies', 'Opgeloste Problemen', 'Bekende Problemen',
           ['Donkere Modus', 'Betalen met iDEAL'], ['Crash bij Afrekenen Verholpen']),
    'pl': ('Nowości w Wersji', 'Nowe Funkcje', 'Poprawki Błędów', 'Znane Problemy',
           ['Tryb Ciemny', 'Płatności Blik'], ['Naprawiono Awarię Przy Logowaniu']),
}


def release_notes():
    lang = pick(sorted(NOTES))
    title, feat, fixes, known, fl, xl = NOTES[lang]
    thanks = la.maybe(0.25, '\n\nThanks to <<person>> and %s for their contributions.' % handle())
    return ('# %s <<ver>>\n\n## %s\n%s\n\n## %s\n%s\n\n## %s\n- <<ghsa>>%s'
            % (title, feat, '\n'.join('- ' + x for x in rng.sample(fl, min(2, len(fl)))),
               fixes, '\n'.join('- ' + x for x in xl), known, thanks))


# ---- calendar invites ---------------------------------------------------------------------
ROOMS = ['Everest', 'Kilimanjaro', 'Zugspitze', 'Montblanc', 'Matterhorn', 'Einstein', 'Curie',
         'Pasteur', 'Turing', 'Lovelace', 'Berlin', 'Lisboa', 'Mediterráneo', 'Nordsee']
MEETINGS = ['Sprint Review', 'Quarterly Business Review', 'Platform Team Weekly Sync',
            'Quartalsplanung Vertrieb', 'Revue de Sprint', 'Reunión de Seguimiento Semanal',
            'Retrospettiva Sprint', 'Reunião de Alinhamento', 'Incident Postmortem: Checkout '
            'Outage', 'Architecture Review Board', 'Onboarding Buddy Check-In']
INVITE = {
    'en': ('Invitation', 'When', 'Where', 'Organizer', 'Join Microsoft Teams Meeting',
           'Meeting ID'),
    'de': ('Einladung', 'Wann', 'Wo', 'Organisator', 'An Microsoft Teams-Besprechung teilnehmen',
           'Besprechungs-ID'),
    'fr': ('Invitation', 'Quand', 'Où', 'Organisateur', 'Rejoindre la réunion Microsoft Teams',
           'ID de la réunion'),
    'es': ('Invitación', 'Cuándo', 'Dónde', 'Organizador', 'Unirse a la reunión de Microsoft '
           'Teams', 'ID de reunión'),
    'pt': ('Convite', 'Quando', 'Onde', 'Organizador', 'Ingressar na reunião do Microsoft Teams',
           'ID da reunião'),
    'it': ('Invito', 'Quando', 'Dove', 'Organizzatore', 'Partecipa alla riunione di Microsoft '
           'Teams', 'ID riunione'),
}


def meeting_id():
    return '%s %s %s %s' % (digits(3), digits(3), digits(3), digits(3))


def invite():
    if rng.random() < 0.4:
        org = la.maybe(0.6, 'ORGANIZER;CN=<<person>>:mailto:<<email>>\n',
                    'ORGANIZER;CN=Platform Team:mailto:platform-team@example.com\n')
        att = la.maybe(0.4, 'ATTENDEE;CN=<<person>>;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:'
                    'mailto:<<email>>\n')
        return ('BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\n'
                'VERSION:2.0\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:<<uuid>>\nDTSTART;TZID=W. Europe '
                'Standard Time:2024%02d%02dT%02d0000\nDTEND;TZID=W. Europe Standard Time:2024'
                '%02d%02dT%02d3000\nSUMMARY:%s\nLOCATION:Room %s (Building B\\, Floor 4)\n%s%s'
                'RRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT\nEND:VCALENDAR'
                % (n(1, 12), n(1, 28), n(8, 16), n(1, 12), n(1, 28), n(8, 16), pick(MEETINGS),
                   pick(ROOMS), org, att))
    lang = pick(sorted(INVITE))
    inv, when, where, organizer, join, mid = INVITE[lang]
    return ('%s: %s\n%s: <<date>> <<time>>\n%s: %s %s\n%s\n________________\n%s\n%s: %s\n'
            'Passcode: %s'
            % (inv, pick(MEETINGS), when, where, pick(['Raum', 'Salle', 'Sala', 'Room']),
               pick(ROOMS), la.maybe(0.5, '%s: <<person>>' % organizer, '%s: Platform Team'
                                  % organizer), join, mid, meeting_id(),
               ''.join(pick('abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789')
                       for _ in range(6))))


# ---- developers chatting about services named like people ----------------------------------
DEVCHAT = {
    'en': ['Jenkins is down again, can someone restart the Hudson agent on build-03?',
           'Jarvis keeps timing out when it calls the Alexa skill endpoint, anyone seen this?',
           'We upgraded Ruby to 3.3 and now Sidekiq workers crash on boot.',
           'Cassandra ring is unbalanced after the Hadoop job, Kafka lag is growing too.',
           'Ask Travis CI or just rerun the GitHub Action? Sentry shows {n} new issues.',
           'Ada and Julia are both fine for this, but the Jupyter kernel keeps dying.',
           'Clippy flagged the OrderManager again; Mocha and Jasmine tests are green though.',
           'Can Oscar (the release bot) cut {ver} tonight? Grafana alerts are quiet.',
           'Jenkins Pipeline Syntax: use the Snippet Generator, not Blue Ocean.',
           'The Watson Assistant integration broke after the Siri Shortcuts change.'],
    'de': ['Jenkins hängt schon wieder, kann jemand den Hudson Agent neu starten?',
           'Der Build von Jarvis schlägt fehl, seit wir Ruby aktualisiert haben.',
           'Kibana zeigt nichts an, Logstash verarbeitet aber noch. Elastic Cloud Support fragen?',
           'Bitte Sidekiq Queue leeren, die Mailer Jobs hängen seit <<date>>.'],
    'es': ['Jenkins se cayó otra vez, ¿alguien puede reiniciar el agente de Hudson?',
           'Alexa no responde desde que desplegamos Jarvis {ver}, revisad Sentry.',
           'La migración a Cassandra falla en el nodo dos; Kafka Connect también.'],
    'pt': ['O Jenkins caiu de novo, alguém reinicia o agente Hudson?',
           'A Alexa parou de responder depois do deploy do Jarvis {ver}.',
           'Atualizamos o Ruby e o Sidekiq quebrou; Jupyter também está instável.'],
    'fr': ['Jenkins est encore tombé, quelqu\'un peut relancer l\'agent Hudson ?',
           'Jarvis ne répond plus depuis la mise à jour de Ruby, Sentry affiche {n} erreurs.',
           'Le cluster Cassandra rame, et Grafana Agent ne remonte plus les métriques.'],
}


def devchat():
    lang = pick(sorted(DEVCHAT))
    lines = rng.sample(DEVCHAT[lang], n(1, 3))
    out = []
    for line in lines:
        line = line.replace('{n}', str(n(2, 40))).replace('{ver}', '<<ver>>')
        who = pick(['', '', '', '<<person>>: ', '[<<time>>] ' + handle() + ': ',
                    '**%s** ' % pick(['jenkins-bot', 'ci', 'oncall']),
                    '<<person>> <<time>>\n'])
        out.append(who + line)
    return '\n'.join(out)


# ---- legal and medical prose without people -----------------------------------------------
PROSE = {
    'de': ['§ 5 Haftung\n(1) Der Auftragnehmer haftet unbeschränkt für Vorsatz und grobe '
           'Fahrlässigkeit. (2) Für leichte Fahrlässigkeit haftet er nur bei Verletzung einer '
           'Wesentlichen Vertragspflicht. (3) Die Haftung nach dem Produkthaftungsgesetz bleibt '
           'unberührt.',
           'Anamnese: Seit drei Wochen zunehmende Belastungsdyspnoe. Bekannter Morbus Crohn, '
           'Zustand nach Appendektomie. Diagnose: Akute Bronchitis (ICD-10 J20.9). Therapie: '
           'Ibuprofen 400 mg bei Bedarf, Kontrolle in zwei Wochen.',
           'Gemäß Artikel 6 Absatz 1 Buchstabe b DSGVO ist die Verarbeitung rechtmäßig. Das '
           'Landgericht München I hat mit Urteil vom <<date>> (Az. <<case>>) entschieden.'],
    'fr': ['Article 3 – Durée du Contrat\nLe présent Contrat prend effet à la Date de Signature '
           'pour une Durée Initiale de douze (12) mois, renouvelable par tacite reconduction. '
           'Article 4 – Résiliation. Chaque Partie peut résilier le Contrat par Lettre '
           'Recommandée avec Accusé de Réception.',
           'Compte Rendu Opératoire. Indication : maladie de Parkinson évoluée, stimulation '
           'cérébrale profonde. Antécédents : syndrome de Guillain-Barré en 2015. Suites '
           'Opératoires Simples. Sortie à J3.',
           'Conformément au Code Civil et à la jurisprudence de la Cour de Cassation (Chambre '
           'Commerciale), la Clause Pénale peut être modérée par le Juge.'],
    'es': ['Cláusula Cuarta. Confidencialidad. Las Partes se obligan a mantener en estricta '
           'reserva la Información Confidencial durante la vigencia del presente Contrato y '
           'cinco años después. Cláusula Quinta. Jurisdicción: Juzgados y Tribunales de Madrid.',
           'Diagnóstico Principal: Hipertensión Arterial Esencial. Antecedentes: Enfermedad de '
           'Crohn, Síndrome de Down en un hermano. Tratamiento: Enalapril 10 mg cada 12 horas.',
           'Según la Ley Orgánica 3/2018 de Protección de Datos Personales y Garantía de los '
           'Derechos Digitales, el Responsable del Tratamiento deberá notificar la brecha.'],
    'it': ['Art. 7 – Recesso\nIl Cliente può recedere dal Contratto con Preavviso Scritto di '
           'trenta giorni. Art. 8 – Foro Competente: per ogni controversia è competente il '
           'Tribunale di Milano.',
           'Esame Obiettivo: Paziente vigile, orientato. Anamnesi Patologica Remota: morbo di '
           'Basedow, tiroidite di Hashimoto. Terapia Domiciliare: Levotiroxina 75 mcg.'],
    'pt': ['Cláusula Segunda – Do Objeto\nO presente Contrato tem por objeto a Prestação de '
           'Serviços de Consultoria em Tecnologia da Informação. Cláusula Terceira – Do Prazo. '
           'Fica eleito o Foro da Comarca de São Paulo.',
           'Exame Físico: Bom Estado Geral, corado, hidratado. Hipótese Diagnóstica: Doença de '
           'Alzheimer em fase inicial. Conduta: Donepezila 5 mg ao dia, retorno em 30 dias.'],
    'nl': ['Artikel 4 Aansprakelijkheid\nDe Opdrachtnemer is uitsluitend aansprakelijk voor '
           'Directe Schade. Op deze Overeenkomst is Nederlands Recht van toepassing; geschillen '
           'worden voorgelegd aan de Rechtbank Amsterdam.',
           'Conclusie: Ziekte van Lyme, Erythema Migrans. Beleid: Doxycycline 100 mg twee keer '
           'daags gedurende tien dagen.'],
    'pl': ['§ 3 Wynagrodzenie\nZamawiający zapłaci Wykonawcy Wynagrodzenie Ryczałtowe w '
           'terminie 14 dni od dnia doręczenia Faktury. § 4 Kary Umowne. Sądem Właściwym jest '
           'Sąd Okręgowy w Warszawie.',
           'Rozpoznanie: Choroba Leśniowskiego-Crohna, Zespół Jelita Drażliwego. Zalecenia: '
           'Mesalazyna 500 mg trzy razy dziennie, Kontrola w Poradni Gastroenterologicznej.'],
    'sv': ['Avtalet gäller från Tillträdesdagen. Tvist ska avgöras av Stockholms Tingsrätt '
           'enligt Svensk Lag. Parterna har tagit var sitt Exemplar.',
           'Bedömning: Misstänkt Bechterews Sjukdom. Åtgärd: Remiss till Reumatologmottagningen.'],
    'tr': ['Madde 5 – Fesih\nTaraflardan Her Biri, otuz gün önceden Yazılı Bildirimde bulunmak '
           'kaydıyla Sözleşmeyi feshedebilir. Uyuşmazlıklarda İstanbul Mahkemeleri ve İcra '
           'Daireleri yetkilidir.',
           'Tanı: Behçet Hastalığı, Ailevi Akdeniz Ateşi. Tedavi: Kolşisin 0,5 mg günde iki kez.'],
}


def prose():
    lang = pick(sorted(PROSE))
    return pick(PROSE[lang])


# ---- issue tracker exports ----------------------------------------------------------------
TICKET = {
    'en': ('Summary', 'Priority', 'Component/s', 'Assignee', 'Reporter', 'Status',
           ['Checkout Button Unresponsive on Safari', 'Invoice PDF Shows Wrong VAT Rate',
            'Jarvis Bot Posts Duplicate Alerts'], ['Major', 'Critical', 'Minor'],
           ['Payment Gateway', 'Customer Portal', 'Jenkins Pipelines'],
           ['In Progress', 'Open', 'Ready for QA', 'Resolved']),
    'de': ('Zusammenfassung', 'Priorität', 'Komponente/n', 'Bearbeiter', 'Autor', 'Status',
           ['Warenkorb Wird Nicht Aktualisiert', 'Fehlerhafte Rechnungsnummer im Export'],
           ['Hoch', 'Mittel', 'Niedrig'], ['Zahlungsabwicklung', 'Kundenportal'],
           ['In Arbeit', 'Offen', 'Erledigt']),
    'es': ('Resumen', 'Prioridad', 'Componente/s', 'Responsable', 'Informador', 'Estado',
           ['El Botón de Pago No Responde', 'Error al Exportar Facturas'],
           ['Alta', 'Media', 'Baja'], ['Pasarela de Pago', 'Portal de Clientes'],
           ['En Curso', 'Abierta', 'Resuelta']),
    'fr': ('Résumé', 'Priorité', 'Composant/s', 'Responsable', 'Rapporteur', 'État',
           ['Le Panier ne se Met Pas à Jour', 'Numéro de Facture Erroné'],
           ['Haute', 'Moyenne', 'Basse'], ['Passerelle de Paiement', 'Espace Client'],
           ['En Cours', 'Ouvert', 'Résolu']),
}


def ticket():
    lang = pick(sorted(TICKET))
    s, p, c, a, r, st_, sums, pris, comps, states = TICKET[lang]
    who = pick(['<<person>>', '<<person>>', 'Unassigned' if lang == 'en' else '-'])
    return ('%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\nLabels: regression, <<ver>>\n'
            'Created: <<ts>>' % (s, pick(sums), p, pick(pris), c, pick(comps), a, who, r,
                                 pick(['<<person>>', 'Jenkins Automation', 'Service Desk']),
                                 st_, pick(states)))


KINDS = [(CI, 10), (TRACES, 12), (K8S, 8), (SQL, 8), ([i18n], 15), ([catalogue], 8),
         ([release_notes], 7), ([invite], 7), ([devchat], 10), ([prose], 10), ([ticket], 5)]


def record_c():
    return la.weighted_record(KINDS, TYPED_C)
