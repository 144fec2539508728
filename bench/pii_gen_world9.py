#!/usr/bin/env python3
"""A ninth held-out PII set ("world9") for `person`, written after session 7's
person rules (made from world8 seed 1001's errors) and before the scanner
ran on it, to tell whether those rules generalise. Everything differs from
world .. world8:

- names: Finnish, Hungarian (family name first), Czech and Slovak (ř, ů),
  Romanian (ș, ț), Turkish (İ, ı, ğ), Kenyan (Kikuyu, Luo, Kalenjin),
  Bengali and Telugu in Latin letters, Tibetan, Hmong, Tongan and Fijian,
  Japanese with long vowels (Ōno, Kōda), Cantonese (Chan Tai-man), Haitian;
  some in NFD again;
- templates: git trailers (Signed-off-by, Co-authored-by, Reviewed-by),
  issue trackers (Assignee, Reporter, assigned to), calendar replies
  (Accepted: X), obituaries and wedding notices, APA references (Surname,
  F. M.), payment orders (PAY TO THE ORDER OF, Payee), delivery notes,
  sports reports, GP referrals (Pt:, 45M), text messages signed with a
  dash, greetings in Māori, Zulu, Danish, Italian and Hungarian, Markdown
  tables of owners, names in small letters in casual chat;
- look-alikes: clubs and teams (Aston Villa, Real Madrid), foundations and
  prizes (the Bill & Melinda Gates Foundation), storms (Hurricane Ian),
  dishes and teas (Caesar salad, Earl Grey, Beef Wellington), products
  (Ford Mustang, Tesla Model Y), songs and books (Harry Potter), code
  (user.first_name, getLastName()), Spanish and Italian capitalised month
  and weekday names, department headings.

  python3 bench/pii_gen_world9.py [--n 800] [--seed 1101] > /tmp/w9.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w9.json

Stdlib only; the output depends on --seed alone. Seeds 1101 and 1102 are held
out; their first contact is recorded in docs/pii.md.
"""
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n = w.pick, w.digits, w.n

# given names, family names per culture (written for this generator)
NAMES = {
    'fi': (['Aino', 'Eetu', 'Venla', 'Onni', 'Iida', 'Lauri', 'Siiri', 'Topias'],
           ['Korhonen', 'Virtanen', 'Mäkinen', 'Heikkinen', 'Järvinen', 'Lehtonen']),
    'hu': (['Bence', 'Zsófia', 'Levente', 'Réka', 'Gergő', 'Boglárka'],
           ['Kovács', 'Szabó', 'Tóth', 'Horváth', 'Varga', 'Farkas']),
    'cz': (['Jiří', 'Tereza', 'Vojtěch', 'Kateřina', 'Ondřej', 'Zuzana'],
           ['Dvořák', 'Novotná', 'Růžička', 'Procházková', 'Kučera', 'Horváthová']),
    'ro': (['Ștefan', 'Ioana', 'Mihai', 'Andreea', 'Răzvan', 'Bianca'],
           ['Popescu', 'Țărnă', 'Ionescu', 'Stănescu', 'Dumitrescu', 'Munteanu']),
    'tr': (['İbrahim', 'Elif', 'Oğuz', 'Şule', 'Barış', 'Gökçe'],
           ['Yılmaz', 'Kaya', 'Öztürk', 'Çelik', 'Aydın', 'Doğan']),
    'ke': (['Wanjiru', 'Kamau', 'Achieng', 'Otieno', 'Chebet', 'Kiprono'],
           ['Mwangi', 'Njoroge', 'Odhiambo', 'Ochieng', 'Kipchoge', 'Wambui']),
    'bd': (['Tahmid', 'Nusrat', 'Sajid', 'Farzana', 'Venkata', 'Sravani'],
           ['Chowdhury', 'Rahman', 'Hossain', 'Reddy', 'Naidu', 'Kondapalli']),
    'tb': (['Tenzin', 'Pema', 'Dolma', 'Sonam', 'Lhakpa', 'Yangchen'],
           ['Norbu', 'Dorjee', 'Tsering', 'Lhamo', 'Gyatso', 'Wangmo']),
    'hm': (['Pa', 'Nou', 'Tou', 'Mai', 'Kou', 'Chue'],
           ['Xiong', 'Vang', 'Thao', 'Lor', 'Moua', 'Yang']),
    'to': (['Sione', 'Mele', 'Viliami', 'Losana', 'Tevita', 'Asinate'],
           ['Taufa', 'Havili', 'Fifita', 'Waqa', 'Naivalu', 'Rokotuiviwa']),
    'jp': (['Yūki', 'Kōta', 'Shōhei', 'Yūna', 'Ryōko', 'Jūzō'],
           ['Ōno', 'Kōda', 'Saitō', 'Gotō', 'Itō', 'Satō']),
    'hk': (['Tai-man', 'Siu-ming', 'Ka-yan', 'Wing-sze', 'Chi-wai'],
           ['Chan', 'Wong', 'Cheung', 'Leung', 'Ho', 'Lau']),
    'ht': (['Jean-Robert', 'Marie-Carmelle', 'Wilfrid', 'Guerline', 'Ti-Jo'],
           ['Pierre-Louis', 'Joseph', 'Exantus', 'Dorvil', 'Célestin']),
}
CULTURES = sorted(NAMES)


def first(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][0])


def last(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][1])


def person(loc='any'):
    loc = pick(CULTURES) if loc == 'any' else loc
    f, l = first(loc), last(loc)
    if loc in ('hu', 'hk'):  # the family name first
        return '%s %s' % (l, f)
    if loc == 'tb':  # two given names, no family name
        return '%s %s' % (f, pick(NAMES['tb'][0] + NAMES['tb'][1]))
    s = '%s %s' % (f, l)
    return unicodedata.normalize('NFD', s) if rng.random() < 0.15 else s


def apa(_=None):
    """An APA author: Surname, F. M."""
    return '%s, %s.' % (last(), pick('ABCDEGHJKLMNPRST') + ('. ' + pick('ABDJKLMS')
                                                            if rng.random() < 0.4 else ''))


TYPED = dict(w.TYPED)
TYPED.update({
    'person': ('person', 'PERSON', person),
    'first': ('person', 'PERSON', first),
    'last': ('person', 'PERSON', last),
    'apa': ('person', 'PERSON', apa),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'club': lambda: pick(['Aston Villa', 'Real Madrid', 'Queens Park Rangers', 'Hamilton Academical',
                          'Bayern Munich', 'Santos FC', 'Galatasaray', 'Kaizer Chiefs']),
    'found': lambda: pick(['the Bill & Melinda Gates Foundation', 'the Rockefeller Foundation',
                           'the Wellcome Trust', 'the Carnegie Endowment', 'the Ford Foundation',
                           'the Nobel Committee']),
    'storm': lambda: pick(['Hurricane Ian', 'Typhoon Haiyan', 'Storm Ciarán', 'Cyclone Freddy']),
    'dish': lambda: pick(['Caesar salad', 'Earl Grey', 'Beef Wellington', 'Eggs Benedict',
                          'Peach Melba', 'a Margherita pizza']),
    'product': lambda: pick(['Ford Mustang', 'Tesla Model Y', 'Toyota Camry', 'Honda Civic',
                             'Jeep Cherokee', 'Dodge Durango']),
    'book': lambda: pick(['Harry Potter', 'Anna Karenina', 'Jane Eyre', 'Oliver Twist',
                          'Don Quixote', 'Sherlock Holmes']),
    'code': lambda: pick(['user.first_name', 'getLastName()', 'customer.fullName', 'author_id',
                          'row["surname"]', 'self.display_name']),
    'month_es': lambda: pick(['Lunes', 'Martes', 'Enero', 'Febrero', 'Giovedì', 'Gennaio',
                              'Sabato', 'Domingo']),
    'dept': lambda: pick(['Quality Assurance', 'Internal Audit', 'Field Operations',
                          'Research & Development', 'Member Services']),
    'city': lambda: pick(['Tampere', 'Debrecen', 'Brno', 'Cluj-Napoca', 'Eskişehir', 'Nakuru',
                          'Sylhet', 'Dharamshala', 'Fresno', 'Nukuʻalofa', 'Osaka', 'Kowloon',
                          'Port-au-Prince']),
    'hhmm': lambda: '%02d:%02d' % (n(7, 22), n(0, 59)),
    'age': lambda: str(n(19, 92)),
    'year': lambda: str(n(2005, 2024)),
})

TEMPLATES = [
    # git trailers and issue trackers
    "fix: handle empty payloads\n\nSigned-off-by: <<person>> <<<email>>>",
    "Co-authored-by: <<person>> <<<email>>>\nReviewed-by: <<person>>",
    "Assignee: <<person>>\nReporter: <<person>>\nPriority: High",
    "This issue was assigned to <<person>> and closed by <<first>>.",
    # calendar replies
    "Accepted: <<person>>\nDeclined: <<person>>\nTentative: <<first>>",
    "<<person>> has accepted your invitation to the <<dept>> sync.",
    # notices
    "<<person>>, <<age>>, of <<city>>, died peacefully on <<date>>. She is survived by her "
    "daughter <<first>> and her son <<first>>.",
    "Mr. and Mrs. <<last>> request the pleasure of your company at the marriage of their "
    "daughter <<first>> to <<person>>.",
    # references
    "<<apa>>, & <<apa>> (<<year>>). Measuring trust in edge inference. Journal of Systems, 12(3).",
    "See <<apa>> (<<year>>) and the follow-up by <<last>> et al.",
    # payments and deliveries
    "PAY TO THE ORDER OF <<person.upper>>   EXACTLY ONE HUNDRED DOLLARS",
    "Payee: <<person>>\nReference: <<invoice>>",
    "Parcel left with your neighbour <<person>> at number <<qty>>.",
    "Delivered to <<first>> at reception, <<hhmm>>.",
    # sports
    "<<last>> crosses from the left and <<person>> heads it in! <<club>> lead 2-1.",
    "Substitution for <<club>>: <<person>> replaces <<person>>.",
    # medical
    "Pt: <<person>>, <<age>>M, referred by Dr <<last>> with chest pain.",
    "Referral from <<person>> (GP) re: <<person>>, DOB <<dob.eu>>.",
    # text messages and greetings
    "running late, save me a seat! - <<first>>",
    "Kia ora <<first>>, thanks for the kōrero yesterday.",
    "Sawubona <<first>>, ngiyabonga!",
    "Hej <<first>>! Tak for i går.",
    "Ciao <<first>>, ci vediamo domani alle <<hhmm>>.",
    "Kedves <<person.hu>>! Köszönjük a megrendelést.",
    "lol ask <<first.lower>> she has the charger",
    "omg <<first.lower>> and <<first.lower>> are coming too",
    # tables
    "| Service | Owner |\n|---|---|\n| billing | <<person>> |\n| search | <<person>> |",
    "Team roster: <<person>> (lead), <<person>>, <<person>>",
    # running text
    "Yesterday <<person>> presented the roadmap to the board.",
    "According to <<person>>, the shipment left <<city>> on time.",
    "<<first>> said the numbers look fine.",
]
LOOKALIKES = [
    "<<club>> beat <<club>> on Saturday.",
    "The grant is funded by <<found>>.",
    "<<storm>> made landfall near <<city>>.",
    "I ordered <<dish>> and a pot of tea.",
    "She drives a <<product>> to work.",
    "We finally read <<book>> in class.",
    "Rename <<code>> to match the schema.",
    "<<month_es>> cerrado por inventario.",
    "Welcome to <<dept>>",
    "The <<dept>> team meets in <<city>>.",
]


def main():
    w.write_template_set(TEMPLATES, LOOKALIKES, TYPED, LOOK, 1101, __doc__)


if __name__ == '__main__':
    main()
