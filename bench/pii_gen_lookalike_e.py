#!/usr/bin/env python3
"""Look-alike set e (`bench/pii_gen_lookalike.py --set e`): PRECISION on
business and everyday text full of capitalised words that are no people,
written after the rules made from set d and before the detector was run on
it, from how these texts look and not from the scanner's code:

- e-commerce order confirmations and shipping notices in twelve languages
  (products of brands named after people: Ford, Dell, Tesla, Ferrari,
  Chanel, Porsche, Hermès; warehouses in places named like people);
- HR and ERP exports as CSV, TSV and semicolon files with title-cased
  headers (cost centres, job titles, sites, vendors);
- support macros and canned replies with title-cased headings;
- app-store reviews and developer responses in nine languages;
- news headlines, tables of contents and chapter lists in ten languages;
- menus and recipes (dishes named after people: Eggs Benedict, Peach
  Melba, Beef Wellington, Fettuccine Alfredo, Pommes Anna);
- sports results and league tables (teams named after places and people:
  Aston Villa, Crystal Palace, Newell's Old Boys, Williams, McLaren);
- academic citations and bibliographies in APA, MLA, Vancouver and BibTeX
  (the authors ARE persons and are labelled);
- travel itineraries, weather and store locators with places that look
  like people (Victoria, Santa Clara, Lake Louise, Mount Kenya, Alice
  Springs, Port Elizabeth, Charlotte, Florence, Prince George);
- UI strings (navigation, breadcrumbs, buttons) of twenty-three languages:
  Welsh, Irish, Maltese, Albanian, Icelandic, Basque, Galician, Azerbaijani,
  Uzbek, Luxembourgish, Frisian, Zulu, Somali, Hausa, Malagasy, Haitian
  Creole, German, French, Spanish, Portuguese, Italian, Vietnamese, Turkish;
- Markdown tables (feature comparisons, project status, price lists).

About 15 % of the texts hold labelled values (a customer's name, e-mail,
phone and address in an order, employees in an HR export, a support
agent's signature, a recipe's author, goal scorers, paper authors, a
project owner). Names come from the world sets and from a list written
here (Welsh, Albanian, Azerbaijani, Uzbek, Zulu, Somali, Luxembourgish,
Haitian, Bolivian, Lebanese, Tamil, Slovak).

Seeds 1041 and 1042: scored once, before any rule was made from this set.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_lookalike as la  # noqa: E402
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, n, digits = w.pick, w.n, w.digits

NAMES_E = {
    'cy': (['Rhys', 'Ffion', 'Owain', 'Cerys', 'Gethin', 'Nia'],
           ['Pritchard', 'Llewellyn', 'Bowen', 'Vaughan', 'Prosser', 'Griffiths']),
    'sq': (['Arben', 'Elira', 'Dritan', 'Blerta', 'Fatmir', 'Mimoza'],
           ['Hoxha', 'Krasniqi', 'Berisha', 'Shehu', 'Gashi', 'Kelmendi']),
    'az': (['Elvin', 'Aysel', 'Rauf', 'Günel', 'Tural', 'Nigar'],
           ['Aliyev', 'Huseynova', 'Mammadov', 'Guliyeva', 'Hasanov', 'Ismayilova']),
    'uz': (['Dilnoza', 'Sardor', 'Jasur', 'Malika', 'Otabek', 'Nodira'],
           ['Karimov', 'Yusupova', 'Rakhimov', 'Tursunova', 'Abdullayev', 'Nazarova']),
    'zu': (['Thandiwe', 'Sipho', 'Nomvula', 'Bongani', 'Lindiwe', 'Themba'],
           ['Dlamini', 'Nkosi', 'Mthembu', 'Ngcobo', 'Khumalo', 'Zungu']),
    'so': (['Hodan', 'Abdirahman', 'Faadumo', 'Yasin', 'Ayaan', 'Liban'],
           ['Warsame', 'Farah', 'Jama', 'Abdi', 'Egal', 'Samatar']),
    'lb': (['Laurent', 'Carole', 'Yves', 'Mireille', 'Gilles', 'Nathalie'],
           ['Schmit', 'Weber', 'Hoffmann', 'Wagner', 'Reuter', 'Kieffer']),
    'ht': (['Jean-Robert', 'Nadège', 'Wilner', 'Fabienne', 'Ricardo', 'Guerda'],
           ['Pierre-Louis', 'Desrosiers', 'Joseph', 'Célestin', 'Dorvil', 'Augustin']),
    'bo': (['Wilmer', 'Yola', 'Edwin', 'Rosmery', 'Freddy', 'Gladys'],
           ['Condori', 'Choque', 'Mamani', 'Quisbert', 'Apaza', 'Ticona']),
    'lbn': (['Rami', 'Nour', 'Karim', 'Rania', 'Ziad', 'Maya'],
            ['Haddad', 'Khoury', 'Nassar', 'Saade', 'Azar', 'Frangieh']),
    'ta': (['Karthik', 'Priya', 'Senthil', 'Kavitha', 'Arun', 'Lakshmi'],
           ['Subramaniam', 'Ramasamy', 'Natarajan', 'Krishnan', 'Palaniappan', 'Venkatesan']),
    'sk': (['Zuzana', 'Martin', 'Lucia', 'Tomáš', 'Katarína', 'Juraj'],
           ['Horváthová', 'Kováč', 'Baláž', 'Tóthová', 'Varga', 'Mikuláš']),
}


def name_parts():
    g, s = NAMES_E[pick(sorted(NAMES_E))]
    return pick(g), pick(s)


def apa_name(lang='en', var=None):
    g, s = name_parts()
    return '%s, %s.' % (s, g[0]), 'person'


def vancouver_name(lang='en', var=None):
    g, s = name_parts()
    return '%s %s' % (s, g[0]), 'person'


def mla_name(lang='en', var=None):
    g, s = name_parts()
    return '%s, %s' % (s, g), 'person'


TYPED_E = dict(la.TYPED_B)
TYPED_E['person'] = ('person', 'PERSON', la.person_of(NAMES_E, 0.4))
TYPED_E['apa'] = ('person', 'PERSON', apa_name)
TYPED_E['vanc'] = ('person', 'PERSON', vancouver_name)
TYPED_E['mla'] = ('person', 'PERSON', mla_name)

# ---- brands named after people, places named like people --------------------------------
PRODUCTS_E = ['Ford Ranger Floor Mats', 'Dell XPS 13 Laptop Sleeve', 'Tesla Model 3 Wall Connector',
              'Ferrari Scuderia Team Cap', 'Chanel Coco Mademoiselle 50 ml',
              'Porsche Design Chronograph', 'Hermès Twilly Silk Scarf', 'Dior Sauvage Eau de Toilette',
              'Gucci Ace Sneakers', 'Boeing 747 Model Kit', 'Disney Frozen Elsa Doll',
              'Kellogg\'s Corn Flakes 750 g', 'Heinz Tomato Ketchup', 'Cadbury Dairy Milk',
              'Mercedes-Benz Key Cover', 'Lamborghini Huracán Lego Set', 'Louis Vuitton Neverfull MM',
              'Hugo Boss Bottled', 'Ralph Lauren Polo Shirt', 'Tommy Hilfiger Crew Socks',
              'Michelin Pilot Sport 4', 'Bosch Serie 6 Dishwasher', 'John Deere Toy Tractor',
              'Jack Daniel\'s Gift Set', 'Ben & Jerry\'s Cookie Dough', 'Wilson Evolution Basketball',
              'Adidas Stan Smith', 'Nike Air Jordan 1 Mid', 'Levi\'s 501 Original',
              'Calvin Klein Boxer Briefs', 'Dr. Martens 1460 Boots', 'Philips Hue Starter Kit']
PLACES_E = ['Santa Clara', 'Victoria', 'Lake Louise', 'Mount Kenya', 'Alice Springs', 'Port Elizabeth',
            'San Jose', 'St. Louis', 'Fort Worth', 'Charlotte', 'Florence', 'Adelaide', 'Georgetown',
            'Victoria Falls', 'Prince George', 'Prince Rupert', 'Port Louis', 'Santa Maria',
            'San Sebastián', 'Santo Domingo', 'São Tomé', 'Jackson Hole', 'Lake Victoria',
            'Mount Elgon', 'Cape Coast', 'Elizabeth Bay', 'Madison', 'Austin', 'Marysville',
            'Christchurch', 'Santa Cruz', 'Saint-Denis', 'Bad Homburg', 'Maria Laach',
            'Mont Saint-Michel', 'Fort William', 'Lake Albert', 'Kingston', 'Sankt Moritz',
            'Sainte-Anne-des-Monts', 'Helena', 'Josephine County', 'Wellington', 'Hamilton']
CARRIERS = ['DHL Express', 'UPS Standard', 'FedEx Ground', 'La Poste Colissimo', 'PostNL',
            'Correos Express', 'Poste Italiane', 'InPost', 'Yurtiçi Kargo', 'GLS', 'Royal Mail']

# ---- e-commerce: order confirmations and shipping notices --------------------------------
ORDER_E = {
    'en': ('Order Confirmation', 'Hi %s,', 'Thanks for your order! Here\'s what\'s coming.',
           'Order Number', 'Sold by', 'Ships from', 'Estimated Delivery', 'Subtotal',
           'Shipping To', 'there'),
    'de': ('Bestellbestätigung', 'Hallo %s,', 'Vielen Dank für Ihre Bestellung.',
           'Bestellnummer', 'Verkauft von', 'Versand aus', 'Voraussichtliche Lieferung',
           'Zwischensumme', 'Lieferadresse', 'liebe Kundin, lieber Kunde'),
    'fr': ('Confirmation de Commande', 'Bonjour %s,', 'Merci pour votre commande.',
           'Numéro de Commande', 'Vendu par', 'Expédié depuis', 'Livraison Estimée',
           'Sous-total', 'Adresse de Livraison', 'cher client'),
    'es': ('Confirmación del Pedido', 'Hola %s,', 'Gracias por tu compra.', 'Número de Pedido',
           'Vendido por', 'Enviado desde', 'Entrega Estimada', 'Subtotal', 'Dirección de Envío',
           'cliente'),
    'it': ('Conferma d\'Ordine', 'Ciao %s,', 'Grazie per il tuo ordine.', 'Numero d\'Ordine',
           'Venduto da', 'Spedito da', 'Consegna Prevista', 'Subtotale', 'Indirizzo di Spedizione',
           'cliente'),
    'pt': ('Confirmação de Encomenda', 'Olá %s,', 'Obrigado pela sua compra.',
           'Número da Encomenda', 'Vendido por', 'Enviado de', 'Entrega Prevista', 'Subtotal',
           'Morada de Entrega', 'cliente'),
    'nl': ('Orderbevestiging', 'Hoi %s,', 'Bedankt voor je bestelling.', 'Ordernummer',
           'Verkocht door', 'Verzonden vanuit', 'Verwachte Levering', 'Subtotaal',
           'Bezorgadres', 'klant'),
    'pl': ('Potwierdzenie Zamówienia', 'Cześć %s,', 'Dziękujemy za zamówienie.',
           'Numer Zamówienia', 'Sprzedawca', 'Wysyłka z', 'Przewidywana Dostawa', 'Suma Częściowa',
           'Adres Dostawy', 'Kliencie'),
    'tr': ('Sipariş Onayı', 'Merhaba %s,', 'Siparişiniz için teşekkür ederiz.', 'Sipariş Numarası',
           'Satıcı', 'Gönderim Yeri', 'Tahmini Teslimat', 'Ara Toplam', 'Teslimat Adresi',
           'değerli müşterimiz'),
    'sv': ('Orderbekräftelse', 'Hej %s,', 'Tack för din beställning.', 'Ordernummer', 'Säljs av',
           'Skickas från', 'Beräknad Leverans', 'Delsumma', 'Leveransadress', 'kund'),
    'vi': ('Xác Nhận Đơn Hàng', 'Xin chào %s,', 'Cảm ơn bạn đã đặt hàng.', 'Mã Đơn Hàng',
           'Người Bán', 'Gửi từ', 'Dự Kiến Giao', 'Tạm Tính', 'Địa Chỉ Giao Hàng', 'quý khách'),
    'ro': ('Confirmare Comandă', 'Bună %s,', 'Îți mulțumim pentru comandă.', 'Număr Comandă',
           'Vândut de', 'Expediat din', 'Livrare Estimată', 'Subtotal', 'Adresa de Livrare',
           'client'),
}
SELLERS = ['Acme Outlet', 'Ford Parts Direct', 'Dell Official Store', 'Tesla Shop',
           'Ferrari Store Maranello', 'Chanel Beauty', 'Porsche Design', 'Hermès Paris',
           'Disney Store', 'Boeing Store', 'Heinz UK', 'John Lewis', 'Marks & Spencer',
           'Dick\'s Sporting Goods', 'Trader Joe\'s']


def order_e():
    lang = pick(sorted(ORDER_E))
    title, hi, thanks, num, sold, ships, eta, sub, to, anon = ORDER_E[lang]
    who = la.maybe(0.25, '<<person>>', anon)
    items = rng.sample(PRODUCTS_E, n(1, 3))
    body = '\n'.join('%d × %s — <<price>>\n   %s: %s · %s: %s' % (
        n(1, 3), it, sold, pick(SELLERS), ships, pick(PLACES_E)) for it in items)
    addr = la.maybe(0.2, '\n%s:\n<<person>>\n<<address>>' % to)
    return ('%s\n\n%s\n%s\n\n%s: <<order>>\n%s\n\n%s: <<price>>\n%s: <<date>> (%s)%s'
            % (title, hi % who, thanks, num, body, sub, eta, pick(CARRIERS), addr))


SHIP_E = ['Your Package Is On Its Way! Tracking <<tracking>> via %s. Current Location: %s '
          'Distribution Center. Next Stop: %s Hub.',
          'Shipment Update — Out For Delivery\nCarrier: %s\nLast Scan: %s Sorting Facility, <<ts>>\n'
          'Destination Facility: %s',
          'Sendungsverfolgung: Ihr Paket wurde im Paketzentrum %s bearbeitet (%s). Zustellung '
          'heute über %s.',
          'Suivi de Colis — Votre colis a quitté l\'entrepôt de %s. Transporteur : %s. Prochaine '
          'étape : Plateforme %s.',
          'Seguimiento: tu paquete salió del Almacén %s con %s y llegará al Centro Logístico %s.',
          'Kargo Takip: Paketiniz %s Aktarma Merkezinden çıktı (%s), %s Şubesine gidiyor.']


def ship_e():
    t = pick(SHIP_E)
    vals = [pick(CARRIERS), pick(PLACES_E), pick(PLACES_E)]
    if t.startswith('Sendung') or t.startswith('Suivi') or t.startswith('Kargo'):
        vals = [pick(PLACES_E), pick(CARRIERS), pick(PLACES_E)]
    if t.startswith('Seguimiento'):
        vals = [pick(PLACES_E), pick(CARRIERS), pick(PLACES_E)]
    return t % tuple(vals) + la.maybe(0.15, '\nRecipient: <<person>>, <<phone>>')


# ---- HR and ERP exports ----------------------------------------------------------------------
DEPTS = ['Finance', 'Human Resources', 'Customer Success', 'Research And Development',
         'Supply Chain', 'Legal And Compliance', 'Field Sales', 'Internal Audit', 'Facilities']
TITLES = ['Senior Accountant', 'Payroll Specialist', 'Account Executive', 'Product Manager',
          'Warehouse Associate', 'Regional Director', 'Data Analyst', 'Compliance Officer',
          'Executive Assistant', 'Principal Engineer', 'Talent Partner']
SITES = ['Santa Clara Campus', 'Victoria Office', 'Charlotte Hub', 'Florence Plant',
         'Adelaide Depot', 'Fort Worth DC', 'Georgetown Lab', 'Prince George Mill',
         'Port Louis Branch', 'Madison Yard']
VENDORS = ['Dell Technologies', 'Ford Motor Company', 'Hewlett-Packard', 'Johnson Controls',
           'Siemens Healthineers', 'Philips Lighting', 'Bosch Rexroth', 'Porsche Consulting',
           'Ferrero Trading', 'Boeing Distribution', 'Goodyear Tire', 'Dyson Ltd',
           'Procter & Gamble', 'Colgate-Palmolive', 'Kellogg Company']


def hr_export():
    f = rng.random()
    sep = pick([',', '\t', ';'])
    if f < 0.35:  # employees: labelled names
        head = ['Employee ID', 'Full Name', 'Department', 'Job Title', 'Location', 'Start Date']
        rows = [['E%05d' % n(1, 99999), '<<person>>', pick(DEPTS), pick(TITLES), pick(SITES),
                 '<<date>>'] for _ in range(n(2, 4))]
    elif f < 0.7:  # positions without people
        head = ['Position Code', 'Position Title', 'Department', 'Cost Center', 'Site', 'Grade',
                'Status']
        rows = [['P-%04d' % n(1, 9999), pick(TITLES), pick(DEPTS), 'CC-%d' % n(1000, 9999),
                 pick(SITES), 'G%d' % n(3, 12), pick(['Open', 'Filled', 'Frozen', 'On Hold'])]
                for _ in range(n(3, 6))]
    else:  # ERP vendor items
        head = ['Item No', 'Description', 'Vendor Name', 'Warehouse', 'Bin', 'UoM', 'Unit Cost']
        rows = [['<<sku2>>', pick(PRODUCTS_E), pick(VENDORS), pick(PLACES_E),
                 '%s-%02d' % (pick('ABCDEF'), n(1, 40)), pick(['EA', 'BOX', 'PCS', 'KG']),
                 '<<price>>'] for _ in range(n(3, 6))]
    if sep == ';':
        head = [{'Employee ID': 'Personalnummer', 'Full Name': 'Name', 'Department': 'Abteilung',
                 'Job Title': 'Stellenbezeichnung', 'Location': 'Standort', 'Start Date':
                 'Eintrittsdatum', 'Cost Center': 'Kostenstelle', 'Site': 'Werk'}.get(h, h)
                for h in head]
    return '\n'.join(sep.join(r) for r in [head] + rows)


# ---- support macros ----------------------------------------------------------------------
MACROS = [
    'Subject: Re: Refund Request [#<<qty>>]\n\nHi {{ticket.requester.first_name}},\n\nThanks For '
    'Reaching Out To Acme Support. Your Refund Has Been Processed And Should Appear Within 5-7 '
    'Business Days.\n\nKind Regards,\n%s',
    '### Macro: Shipping Delay — Apology\n**Applies To:** Orders Shipped From %s Warehouse\n\n'
    'Hello {{customer.name}}, we are sorry your order is late. Our Logistics Team is on it.\n\n'
    '— %s',
    'Canned Response: Password Reset\nTags: account-access, tier-1\n\nHi there, please use '
    'the "Forgot Password" link on the Sign In page. If that fails, reply with your Account ID.'
    '\n\nBest,\n%s',
    'Makro: Rücksendung Genehmigt\nHallo {{vorname}},\nIhre Rücksendung wurde genehmigt. Bitte '
    'nutzen Sie das beiliegende Retourenetikett.\nViele Grüße\n%s',
    'Réponse Type : Colis Endommagé\nBonjour {{prenom}},\nNous sommes désolés. Merci de nous '
    'envoyer une Photo du Colis.\nCordialement,\n%s',
]
TEAMS_SIG = ['Customer Care Team', 'The Acme Support Team', 'Team Kundenservice',
             'Service Client', 'Happiness Crew', 'Support Tier 2']


def macro():
    t = pick(MACROS)
    sig = la.maybe(0.3, '<<person>>\nCustomer Support', pick(TEAMS_SIG))
    if '%s Warehouse' in t:
        return t % (pick(PLACES_E), sig)
    return t % sig


# ---- app-store reviews ---------------------------------------------------------------------------
REVIEWS = {
    'en': ['Great App But Crashes On Login', 'Love The New Dark Mode', 'Worst Update Ever',
           'Simple, Fast And Reliable'],
    'de': ['Tolle App, Aber Stürzt Ab', 'Endlich Dunkelmodus', 'Leider Nicht Mehr Nutzbar'],
    'fr': ['Super Appli Mais Trop De Pubs', 'Mise à Jour Catastrophique', 'Parfait Au Quotidien'],
    'es': ['Muy Buena Aplicación', 'No Funciona Desde La Actualización', 'Excelente Servicio'],
    'pt': ['Aplicativo Muito Bom', 'Não Abre Mais', 'Melhor App De Finanças'],
    'tr': ['Harika Uygulama', 'Güncellemeden Sonra Açılmıyor', 'Çok Yavaş'],
    'ru': ['Отличное Приложение', 'Не Работает После Обновления', 'Лучший Банк'],
    'ja': ['とても便利です', 'アップデート後に起動しません'],
    'ko': ['정말 편해요', '업데이트 후 로그인이 안 돼요'],
}
HANDLES = ['SunnyDays92', 'coffee_lover', 'Mister Pickles', 'Big Blue Whale', 'Night Owl',
           'techie_mom', 'Happy Camper', 'Silver Fox', 'Lucky Star', 'Iron Chef Fan']


def review():
    lang = pick(sorted(REVIEWS))
    stars = n(1, 5)
    head = '%s%s  %s\n%s – <<date>>' % ('★' * stars, '☆' * (5 - stars), pick(REVIEWS[lang]),
                                         pick(HANDLES))
    body = pick(['Version <<ver>> on iPhone 15 Pro. Keeps Asking Me To Sign In Again.',
                 'Seit Version <<ver>> lädt der Warenkorb nicht mehr.',
                 'Depuis la <<ver>>, impossible de payer avec Apple Pay.',
                 'Desde la versión <<ver>> no puedo ver mis pedidos.', 'ok'])
    reply = la.maybe(0.4, '\nDeveloper Response: Hi, Thanks For Your Feedback! Please Contact '
                          '%s so we can help.' % la.maybe(0.3, '<<email>>', 'Us In The App'))
    return head + '\n' + body + reply


# ---- news headlines and tables of contents ------------------------------------------------
HEADLINES = {
    'en': ['Tesla Recalls Model Y Over Seat Belt Issue', 'Ferrari Unveils Purosangue Hybrid',
           'Santa Clara County Approves New Transit Budget', 'Climbers Rescued On Mount Kenya',
           'Victoria Falls Bridge Reopens To Traffic', 'Ford Cuts Prices On Mustang Mach-E',
           'Dell Beats Earnings Forecast As AI Servers Surge', 'Lake Louise Ski Resort Opens Early',
           'Alice Springs Braces For Record Heat', 'Port Elizabeth Harbour Expansion Delayed'],
    'de': ['Porsche Senkt Prognose Für Das Gesamtjahr', 'Siemens Streicht Stellen In Erlangen',
           'Hochwasser: Pegel In Passau Steigt Weiter', 'Bosch Eröffnet Werk In Ungarn'],
    'fr': ['Chanel Ouvre Une Nouvelle Boutique À Florence', 'Renault Présente La Nouvelle Clio',
           'Grève À La Gare Saint-Lazare Ce Lundi', 'Michelin Ferme Deux Usines'],
    'es': ['El Real Madrid Gana En San Sebastián', 'Seat Presenta El Nuevo León',
           'Ola De Calor En Santa Cruz De Tenerife', 'Zara Abre Tienda En Santo Domingo'],
    'it': ['Ferrari Vola In Borsa Dopo I Conti', 'Maltempo A Santa Margherita Ligure',
           'Lamborghini Assume A Sant\'Agata Bolognese'],
    'pt': ['Benfica Vence Em São Tomé', 'Chuvas Fortes Em Santa Maria', 'Embraer Entrega Novo Jato'],
    'nl': ['Philips Schrapt Banen In Eindhoven', 'Storm Treft Sint Maarten',
           'Heineken Verhoogt Prijzen'],
    'pl': ['Orlen Przejmuje Stacje W Niemczech', 'Powódź W Kotlinie Kłodzkiej',
           'Nowa Linia Tramwajowa W Gdańsku'],
    'tr': ['Türk Hava Yolları Yeni Hat Açıyor', 'Fenerbahçe Deplasmanda Kazandı',
           'Kapalıçarşı Yeniden Açıldı'],
    'ro': ['Dacia Lansează Noul Duster', 'Inundații În Valea Jiului', 'Metroul Din Cluj Întârzie'],
}
TOC = {
    'en': ('Contents', 'Chapter', ['Getting Started', 'Working With Data Frames',
                                   'Advanced Query Patterns', 'Deploying To Production',
                                   'Appendix A: Glossary Of Terms', 'The Victorian Era']),
    'de': ('Inhaltsverzeichnis', 'Kapitel', ['Erste Schritte', 'Grundlagen Der Buchhaltung',
                                             'Fortgeschrittene Themen', 'Anhang']),
    'fr': ('Table des Matières', 'Chapitre', ['Premiers Pas', 'La Révolution Industrielle',
                                               'Méthodes Avancées', 'Annexes']),
    'es': ('Índice', 'Capítulo', ['Primeros Pasos', 'La Conquista De América',
                                  'Análisis De Datos', 'Bibliografía']),
    'it': ('Indice', 'Capitolo', ['Introduzione', 'Il Rinascimento Fiorentino',
                                  'Metodi Statistici', 'Conclusioni']),
    'pt': ('Sumário', 'Capítulo', ['Introdução', 'A Era Dos Descobrimentos', 'Estudos De Caso']),
    'pl': ('Spis Treści', 'Rozdział', ['Wprowadzenie', 'Historia Polski', 'Podsumowanie']),
    'sv': ('Innehåll', 'Kapitel', ['Inledning', 'Metod Och Material', 'Resultat', 'Diskussion']),
}


def news():
    if rng.random() < 0.55:
        lang = pick(sorted(HEADLINES))
        lines = rng.sample(HEADLINES[lang], min(len(HEADLINES[lang]), n(2, 4)))
        people = la.maybe(0.2, '\nPrime Minister <<person>> Visits %s Flood Zone' % pick(PLACES_E))
        return pick(['Top Stories', 'Breaking', 'Schlagzeilen', 'À la Une', 'Titulares']) + \
            '\n' + '\n'.join('• ' + x for x in lines) + people
    lang = pick(sorted(TOC))
    head, ch, titles = TOC[lang]
    out = [head]
    for i, t in enumerate(rng.sample(titles, min(len(titles), n(3, 5))), 1):
        out.append('%s %d — %s %s %d' % (ch, i, t, '.' * n(3, 12), n(1, 300)))
    if rng.random() < 0.15:
        out.append('Foreword by <<person>>')
    return '\n'.join(out)


# ---- menus and recipes -----------------------------------------------------------------------
DISHES = ['Eggs Benedict', 'Beef Wellington', 'Caesar Salad', 'Peach Melba', 'Pavlova',
          'Tarte Tatin', 'Crêpes Suzette', 'Pizza Margherita', 'Fettuccine Alfredo',
          'Oysters Rockefeller', 'Waldorf Salad', 'Cobb Salad', 'Sachertorte', 'Linzer Torte',
          'Pommes Anna', 'Chicken Tetrazzini', 'Earl Grey Tea', 'Lady Grey', 'Bloody Mary',
          'Tom Collins', 'Arnold Palmer', 'Shirley Temple', 'Rob Roy', 'Nasi Goreng',
          'Spaghetti Alla Carbonara', 'Wiener Schnitzel', 'Käsespätzle', 'Pollo Alla Cacciatora',
          'Bœuf Bourguignon', 'Salade Niçoise', 'Pastel De Nata', 'Bircher Muesli',
          'Baba Ganoush', 'Chateaubriand', 'Napoleon Cake', 'Charlotte Russe', 'Madeleines',
          'Bananas Foster', 'Carpaccio Cipriani', 'Quiche Lorraine']
MENU_HEADS = ['Starters', 'Mains', 'Desserts', 'Drinks', 'Vorspeisen', 'Hauptgerichte',
              'Entrées', 'Plats', 'Primi Piatti', 'Postres', 'Sobremesas', 'Tatlılar']


def menu():
    if rng.random() < 0.6:
        out = ['%s — %s' % (pick(['The Victoria Bistro', 'Café Florence', 'Santa Clara Grill',
                                  'Brasserie Saint-Louis', 'Trattoria Da Mario']),
                            pick(['Lunch Menu', 'Carte Du Soir', 'Speisekarte', 'Menú Del Día']))]
        for h in rng.sample(MENU_HEADS, 2):
            out.append('\n' + h.upper() if rng.random() < 0.3 else '\n' + h)
            for d in rng.sample(DISHES, n(2, 4)):
                out.append('%s %s <<price>>' % (d, '.' * n(2, 10)))
        return '\n'.join(out)
    dish = pick(DISHES)
    by = la.maybe(0.25, 'Recipe by <<person>>\n', '')
    return ('# %s\n%sServes 4 · Prep Time 20 Min · Cook Time 45 Min\n\n## Ingredients\n- 200 g '
            'Plain Flour\n- 2 Large Eggs\n- 1 tsp Vanilla Extract\n\n## Method\n1. Preheat The '
            'Oven To 180 °C.\n2. Whisk Until Smooth.\nPairs well with: %s'
            % (dish, by, pick(DISHES)))


# ---- sports results and league tables ---------------------------------------------------------
CLUBS = ['Aston Villa', 'Crystal Palace', 'Nottingham Forest', 'Charlotte FC', 'Orlando City',
         'Inter Miami', 'Boca Juniors', 'Newell\'s Old Boys', 'Werder Bremen', 'Hertha Berlin',
         'Real Sociedad', 'Rayo Vallecano', 'Sporting Cristal', 'Atlético Nacional',
         'Vasco da Gama', 'São Paulo', 'Santos', 'Kaizer Chiefs', 'Orlando Pirates',
         'Mamelodi Sundowns', 'Hapoel Tel Aviv', 'Dinamo Zagreb', 'Ferencváros', 'Slavia Praha',
         'Queens Park Rangers', 'Hamilton Academical', 'Heart of Midlothian', 'St. Johnstone',
         'Preston North End', 'Sheffield Wednesday', 'Club Brugge', 'Racing Club',
         'Estudiantes de La Plata', 'Alianza Lima', 'Cerro Porteño', 'Club América']
F1 = ['McLaren', 'Williams', 'Ferrari', 'Aston Martin', 'Red Bull Racing', 'Alpine',
      'Haas', 'Sauber']


def sports():
    f = rng.random()
    if f < 0.45:
        a, b = rng.sample(CLUBS, 2)
        scorers = la.maybe(0.3, '\nScorers: <<person>> %d\', <<person>> %d\'' % (n(1, 45),
                                                                                n(46, 90)))
        return ('FT  %s %d–%d %s\nVenue: %s Stadium · Attendance: <<qty>>%s'
                % (a, n(0, 4), n(0, 4), b, pick(PLACES_E), scorers))
    if f < 0.8:
        teams = rng.sample(CLUBS, n(4, 6))
        rows = ['| %d | %s | %d | %d | %d | %d | %d |' % (
            i, t, 20, n(5, 14), n(1, 6), n(1, 8), n(15, 45)) for i, t in enumerate(teams, 1)]
        return '| Pos | Team | P | W | D | L | Pts |\n|---|---|---|---|---|---|---|\n' + \
            '\n'.join(rows)
    teams = rng.sample(F1, 4)
    return ('Constructors\' Championship after Round %d\n' % n(3, 22)) + '\n'.join(
        '%d. %s  %d pts' % (i, t, n(10, 500)) for i, t in enumerate(teams, 1)) + \
        la.maybe(0.3, '\nPole position: <<person>>')


# ---- citations and bibliographies (authors labelled) ----------------------------------------
PAPERS = ['Deep Residual Learning For Image Recognition', 'A Survey Of Federated Optimisation',
          'Attention Is All You Need Revisited', 'Randomised Trial Of Early Mobilisation After '
          'Hip Fracture', 'Soil Carbon Dynamics In The Victoria River Basin',
          'Urban Heat Islands In Santa Clara Valley']
VENUES = ['Journal of Machine Learning Research', 'The Lancet', 'Proceedings of NeurIPS',
          'Annals of Saint Louis University', 'Journal of Victorian Studies',
          'Revista Española de Cardiología', 'Zeitschrift für Physik']


def citation():
    f = rng.random()
    t, v, y = pick(PAPERS), pick(VENUES), n(1995, 2024)
    if f < 0.3:
        return ('References\n<<apa>>, & <<apa>> (%d). %s. %s, %d(%d), %d–%d. https://doi.org/'
                '<<doi>>' % (y, t, v, n(1, 60), n(1, 12), n(1, 300), n(301, 600)))
    if f < 0.5:
        return '<<mla>>. "%s." %s, vol. %d, %d, pp. %d-%d.' % (t, v, n(1, 60), y, n(1, 99),
                                                               n(100, 200))
    if f < 0.7:
        return '%d. <<vanc>>, <<vanc>>. %s. %s. %d;%d:%d-%d.' % (n(1, 40), t, v, y, n(1, 60),
                                                                n(1, 99), n(100, 200))
    if f < 0.85:
        key = 'ref%d' % n(1, 999)
        return ('@article{%s,\n  title   = {%s},\n  author  = {<<mla>> and <<mla>>},\n  journal '
                '= {%s},\n  year    = {%d}\n}' % (key, t, v, y))
    return ('Bibliography\n- %s (%d). Edited volume, Victoria University Press.\n- %s, '
            'Hamilton: Waikato Press.' % (t, y, pick(PAPERS)))


# ---- places named like people ------------------------------------------------------------
def places():
    f = rng.random()
    a, b, c = rng.sample(PLACES_E, 3)
    if f < 0.35:
        return ('Day 1: Arrive In %s\nDay 2: %s → %s (Scenic Drive)\nDay 3: Free Day In %s\n'
                'Included: Breakfast, Park Fees, Guide' % (a, a, b, c))
    if f < 0.6:
        return pick(['Weather For %s: Sunny, High 24 °C\n%s: Showers, High 17 °C',
                     'Wetter Für %s: Bewölkt, 18 °C\n%s: Regen, 12 °C',
                     'Météo %s : Ensoleillé, 26 °C\n%s : Orages, 21 °C',
                     'El Tiempo En %s: Nublado, 19 °C\n%s: Lluvia, 15 °C']) % (a, b)
    if f < 0.85:
        return ('Store Locator\n%s — Open Today 9:00–21:00\n%s — Closed For Renovation\n%s '
                'Outlet — Open Today 10:00–18:00' % (a, b, c))
    return ('Gate Changes\nFlight <<flight>> To %s Now Departs From Gate B%d\nFlight <<flight>> To '
            '%s Is Delayed' % (a, n(1, 40), b))


# ---- UI strings in 23 languages -----------------------------------------------------------
UI_KEYS_E = ['home', 'my_account', 'orders', 'wishlist', 'sign_out', 'cart', 'checkout',
             'search', 'customer_service', 'new_arrivals']
UI_E = {
    'cy': 'Hafan|Fy Nghyfrif|Archebion|Rhestr Dymuniadau|Allgofnodi|Basged|Talu|Chwilio|'
          'Gwasanaeth Cwsmeriaid|Newydd Gyrraedd',
    'ga': 'Baile|Mo Chuntas|Orduithe|Liosta Mianta|Logáil Amach|Ciseán|Seiceáil Amach|Cuardaigh|'
          'Seirbhís Custaiméirí|Earraí Nua',
    'mt': 'Paġna Ewlenija|Il-Kont Tiegħi|Ordnijiet|Lista tax-Xewqat|Oħroġ|Karrettun|Ħallas|'
          'Fittex|Servizz tal-Klijenti|Wasal Ġdid',
    'sq': 'Kreu|Llogaria Ime|Porositë|Lista e Dëshirave|Dil|Shporta|Paguaj|Kërko|'
          'Shërbimi i Klientit|Të Rejat',
    'is': 'Forsíða|Minn Aðgangur|Pantanir|Óskalisti|Skrá Út|Karfa|Ganga Frá Pöntun|Leita|'
          'Þjónustuver|Nýjar Vörur',
    'eu': 'Hasiera|Nire Kontua|Eskaerak|Nahien Zerrenda|Saioa Itxi|Saskia|Ordaindu|Bilatu|'
          'Bezeroarentzako Arreta|Berritasunak',
    'gl': 'Inicio|A Miña Conta|Pedidos|Lista de Desexos|Pechar Sesión|Cesta|Pagar|Buscar|'
          'Atención ao Cliente|Novidades',
    'az': 'Ana Səhifə|Hesabım|Sifarişlər|İstək Siyahısı|Çıxış|Səbət|Ödəniş|Axtar|'
          'Müştəri Xidməti|Yeni Gələnlər',
    'uz': 'Bosh Sahifa|Mening Hisobim|Buyurtmalar|Istaklar Roʻyxati|Chiqish|Savat|Toʻlov|Qidirish|'
          'Mijozlarga Xizmat|Yangi Mahsulotlar',
    'lb': 'Startsäit|Mäi Kont|Bestellungen|Wonschlëscht|Ausloggen|Kuerf|Bezuelen|Sichen|'
          'Clientsservice|Nei Artikelen',
    'fy': 'Begjin|Myn Akkount|Bestellingen|Winskelist|Ôfmelde|Winkelkarre|Ôfrekkenje|Sykje|'
          'Klanteservice|Nije Artikels',
    'zu': 'Ekhaya|I-akhawunti Yami|Ama-oda|Uhlu Lwezifiso|Phuma|Inqola|Khokha|Sesha|'
          'Usizo Lwamakhasimende|Okusha',
    'so': 'Bogga Hore|Akoonkayga|Dalabaadka|Liiska Rabitaanka|Ka Bax|Dambiisha|Bixi|Raadi|'
          'Adeegga Macaamiisha|Alaab Cusub',
    'ha': 'Gida|Asusuna|Oda|Jerin Buri|Fita|Kwando|Biya|Nema|Sabis ga Abokan Ciniki|Sababbin Kaya',
    'mg': 'Fandraisana|Ny Kaontiko|Kaomandy|Lisitry ny Irina|Hivoaka|Harona|Handoa|Hikaroka|'
          'Sampan-draharaha ho an\'ny Mpanjifa|Vaovao',
    'ht': 'Akèy|Kont Mwen|Kòmand|Lis Dezi|Dekonekte|Panye|Peye|Chèche|Sèvis Kliyan|Nouvo Atik',
    'de': 'Startseite|Mein Konto|Bestellungen|Wunschliste|Abmelden|Warenkorb|Zur Kasse|Suche|'
          'Kundenservice|Neuheiten',
    'fr': 'Accueil|Mon Compte|Mes Commandes|Liste d\'Envies|Déconnexion|Panier|Paiement|'
          'Rechercher|Service Client|Nouveautés',
    'es': 'Inicio|Mi Cuenta|Mis Pedidos|Lista de Deseos|Cerrar Sesión|Carrito|Finalizar Compra|'
          'Buscar|Atención al Cliente|Novedades',
    'pt': 'Início|A Minha Conta|Encomendas|Lista de Desejos|Terminar Sessão|Carrinho|'
          'Finalizar Compra|Pesquisar|Apoio ao Cliente|Novidades',
    'it': 'Home|Il Mio Account|I Miei Ordini|Lista dei Desideri|Esci|Carrello|Cassa|Cerca|'
          'Assistenza Clienti|Nuovi Arrivi',
    'vi': 'Trang Chủ|Tài Khoản Của Tôi|Đơn Hàng|Danh Sách Yêu Thích|Đăng Xuất|Giỏ Hàng|'
          'Thanh Toán|Tìm Kiếm|Chăm Sóc Khách Hàng|Hàng Mới Về',
    'tr': 'Ana Sayfa|Hesabım|Siparişlerim|Favorilerim|Çıkış Yap|Sepetim|Ödeme|Ara|'
          'Müşteri Hizmetleri|Yeni Gelenler',
}
UI_E = {k: dict(zip(UI_KEYS_E, v.split('|'))) for k, v in UI_E.items()}


def ui_e():
    lang = pick(sorted(UI_E))
    tr = UI_E[lang]
    keys = rng.sample(UI_KEYS_E, n(4, 7))
    form = pick(['nav', 'crumbs', 'md', 'json', 'html'])
    if form == 'nav':
        return ' | '.join(tr[k] for k in keys)
    if form == 'crumbs':
        return ' › '.join(tr[k] for k in keys[:3]) + ' › <<sku2>>'
    if form == 'md':
        return '| Key | %s |\n|---|---|\n' % lang + '\n'.join('| %s | %s |' % (k, tr[k])
                                                              for k in keys)
    if form == 'json':
        return '{\n' + ',\n'.join('  "nav.%s": "%s"' % (k, tr[k]) for k in keys) + '\n}'
    return '<nav class="main-menu">\n' + '\n'.join('  <a href="/%s">%s</a>' % (k, tr[k])
                                                    for k in keys) + '\n</nav>'


# ---- Markdown tables -----------------------------------------------------------------------
def md_table():
    f = rng.random()
    if f < 0.35:
        return ('| Feature | Free | Pro | Enterprise |\n|---|---|---|---|\n| Single Sign-On | — | — '
                '| ✓ |\n| Audit Log Export | — | ✓ | ✓ |\n| Priority Support | — | ✓ | ✓ |\n'
                '| Custom Domains | ✓ | ✓ | ✓ |')
    if f < 0.75:
        rows = [(pick(['Atlas Migration', 'Checkout Redesign', 'Victoria Data Center Move',
                       'Payroll Integration', 'Santa Clara Lab Upgrade', 'Q3 Board Pack']),
                 la.maybe(0.2, '<<person>>', pick(['Platform Team', 'Finance Ops', 'TBD'])),
                 pick(['On Track', 'At Risk', 'Blocked', 'Done']), '<<date>>')
                for _ in range(n(2, 4))]
        return '| Project | Owner | Status | Due |\n|---|---|---|---|\n' + '\n'.join(
            '| %s | %s | %s | %s |' % r for r in rows)
    rows = [(pick(PRODUCTS_E), pick(['In Stock', 'Back Order', 'Discontinued'])) for _ in
            range(n(2, 4))]
    return '| Product | Availability | Price |\n|:--|:--|--:|\n' + '\n'.join(
        '| %s | %s | <<price>> |' % r for r in rows)


KINDS_E = [([order_e], 12), ([ship_e], 6), ([hr_export], 10), ([macro], 7), ([review], 7),
           ([news], 10), ([menu], 8), ([sports], 8), ([citation], 6), ([places], 8),
           ([ui_e], 12), ([md_table], 6)]


def record_e():
    return la.weighted_record(KINDS_E, TYPED_E)
