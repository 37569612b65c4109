"""What the demo village Lindenbach consists of: all of it invented.

No entry describes a real person or office. Phone numbers use the 0123 area code, which
no German network has, and e-mail addresses end in example.org (reserved by RFC 2606).
`demo_data` turns these entries into service calls, so every rule of the services holds.

Dates are relative: offers start `weeks_ago` weeks before the current week on a given
`weekday` (0 = Monday); monthly offers start on the `ordinal` weekday of the month
`months_ago` months back. Translations are kept short; Tigrinya (ti) and Kurmanji (ku)
use simple phrases and want a native speaker's look before anyone prints them.
"""

from __future__ import annotations

from typing import Any

from gwa_desktop.domain.enums import (
    ActivityKind,
    ConsentMethod,
    ContactRole,
    LegalBasis,
    OfferCategory,
    OfferStatus,
    Recurrence,
    TargetGroup,
)

DEMO_SEED = 2040

#: One demo record as keyword values for the services' data classes.
Entry = dict[str, Any]

MUNICIPALITY: Entry = {
    "name": "Gemeinde Lindenbach",
    "district": "Landkreis Musterland",
    "officer_name": "Miriam Beispiel",
    "officer_phone": "0123 45678-10",
    "officer_email": "integration@lindenbach.example.org",
    "officer_address": "Rathaus Lindenbach\nRathausplatz 1\n12345 Lindenbach",
}

VILLAGE = {"postal_code": "12345", "city": "Lindenbach"}
DISTRICT_TOWN = {"postal_code": "12340", "city": "Musterstadt"}

NETWORK = "Netzwerk Integration"

#: Organisations; `key` is how persons, offers and activities refer to them.
ORGANISATIONS: tuple[Entry, ...] = (
    dict(key="kita", name="Kita Sonnenblume", role=ContactRole.DAYCARE, phone="0123 45678-20",
         email="kita-sonnenblume@lindenbach.example.org", street="Kirchweg 3",
         languages=("de", "tr", "ar"), topics=("Kita-Anmeldung", "Eingewöhnung"), tags=(NETWORK,)),
    dict(key="school", name="Grundschule Lindenbach", role=ContactRole.SCHOOL, phone="0123 45678-30",
         email="sekretariat@gs-lindenbach.example.org", street="Schulstraße 12",
         topics=("Schulanmeldung", "Hausaufgabenhilfe"), tags=(NETWORK,)),
    dict(key="jobcenter", name="Jobcenter Musterland – Außenstelle Lindenbach", role=ContactRole.JOB_CENTRE,
         phone="0123 45678-40", email="lindenbach@jobcenter-musterland.example.org", street="Bahnhofstraße 8",
         topics=("Bürgergeld", "Arbeitssuche", "Anerkennung von Abschlüssen"), tags=(NETWORK,)),
    dict(key="lra", name="Landratsamt Musterland – Ausländerbehörde", role=ContactRole.DISTRICT_OFFICE,
         phone="0123 45670-100", email="auslaenderbehoerde@lra-musterland.example.org",
         street="Kreisplatz 1", **DISTRICT_TOWN, topics=("Aufenthaltstitel", "Behördengänge")),
    dict(key="lra_integration", name="Landratsamt Musterland – Integrationsmanagement",
         role=ContactRole.DISTRICT_OFFICE, phone="0123 45670-150", email="integration@lra-musterland.example.org",
         street="Kreisplatz 1", **DISTRICT_TOWN, topics=("Sachbericht", "Förderprogramme"), tags=(NETWORK,)),
    dict(key="town_hall", name="Gemeindeverwaltung Lindenbach – Bürgerbüro", role=ContactRole.ADMINISTRATION,
         phone="0123 45678-0", email="buergerbuero@lindenbach.example.org", street="Rathausplatz 1",
         topics=("Anmeldung des Wohnsitzes", "Wohnungssuche")),
    dict(key="tsv", name="TSV Lindenbach 1921 e. V.", role=ContactRole.ASSOCIATION, phone="0123 45678-50",
         email="info@tsv-lindenbach.example.org", street="Am Sportplatz 2", topics=("Sportangebote",)),
    dict(key="church", name="Ev. Kirchengemeinde Lindenbach", role=ContactRole.ASSOCIATION,
         phone="0123 45678-60", email="pfarramt@kirche-lindenbach.example.org", street="Kirchweg 1",
         topics=("Räume im Gemeindehaus",), tags=(NETWORK,)),
    dict(key="family_centre", name="Familienzentrum Lindenbach", role=ContactRole.COUNSELLING_SERVICE,
         phone="0123 45678-70", email="familienzentrum@lindenbach.example.org", street="Lindenstraße 15",
         languages=("de", "tr", "ar", "uk"), topics=("Griffbereit", "Rucksack Kita", "Elterncafé"), tags=(NETWORK,)),
    dict(key="mbe", name="Migrationsberatung für Erwachsene Musterland", role=ContactRole.COUNSELLING_SERVICE,
         phone="0123 45670-200", email="mbe@beratung-musterland.example.org", street="Marktstraße 5",
         **DISTRICT_TOWN, languages=("de", "en", "ar", "fa"), topics=("Migrationsberatung", "Familiennachzug"),
         tags=(NETWORK,)),
    dict(key="volunteers", name="Helferkreis Lindenbach e. V.", role=ContactRole.ASSOCIATION,
         phone="0123 45678-80", email="kontakt@helferkreis-lindenbach.example.org", street="Lindenstraße 15",
         topics=("Ehrenamt", "Behördenbegleitung"), tags=(NETWORK, "Ehrenamt")),
    dict(key="vhs", name="Volkshochschule Musterland", role=ContactRole.OTHER, phone="0123 45670-300",
         email="info@vhs-musterland.example.org", street="Schulstraße 20", **DISTRICT_TOWN,
         topics=("Integrationskurse", "Deutschkurse")),
    dict(key="culture", name="Kulturverein Brücke e. V.", role=ContactRole.ASSOCIATION, phone="0123 45678-90",
         email="info@bruecke-lindenbach.example.org", languages=("ar", "tr", "ku", "fa"),
         topics=("Interkulturelle Feste",)),
)

MEDIATION_PURPOSE = "Speicherung von Telefon, E-Mail, Sprachen und Themen, um Einsätze als Sprachmittler/in zu vermitteln"
_VOLUNTEERING = "Speicherung von Telefon, E-Mail und Themen für die Abstimmung ehrenamtlicher Einsätze"
_PARTNER = "Speicherung der Kontaktdaten für die Zusammenarbeit im Netzwerk Integration"


def _consent(days_ago: int, purpose: str, language: str = "de", method: ConsentMethod = ConsentMethod.WRITTEN) -> dict[str, Any]:
    return dict(days_ago=days_ago, purpose=purpose, form_language=language, method=method,
                form_version="Einwilligung Netzwerk v2")


#: Persons; `organisation` is an organisation's key. Those without `legal_basis` keep name and organisation only.
PERSONS: tuple[Entry, ...] = (
    dict(key="kita_head", name="Sabine Ahorn", organisation="kita", role=ContactRole.DAYCARE,
         legal_basis=LegalBasis.PUBLIC_TASK, phone="0123 45678-21", email="s.ahorn@kita-sonnenblume.example.org",
         topics=("Kita-Anmeldung", "Eingewöhnung"), notes="Leitung der Kita Sonnenblume"),
    dict(key="school_social", name="Jonas Birke", organisation="school", role=ContactRole.SCHOOL,
         legal_basis=LegalBasis.PUBLIC_TASK, phone="0123 45678-31", email="j.birke@gs-lindenbach.example.org",
         languages=("de", "en"), topics=("Schulanmeldung", "Hausaufgabenhilfe"), notes="Schulsozialarbeit"),
    dict(key="jobcentre_staff", name="Petra Eichner", organisation="jobcenter", role=ContactRole.JOB_CENTRE,
         legal_basis=LegalBasis.PUBLIC_TASK, phone="0123 45678-41", email="p.eichner@jobcenter-musterland.example.org",
         topics=("Bürgergeld", "Arbeitssuche", "Bewerbungstraining")),
    dict(key="lra_staff", name="Thomas Lindner", organisation="lra", role=ContactRole.DISTRICT_OFFICE,
         legal_basis=LegalBasis.PUBLIC_TASK, phone="0123 45670-110", email="t.lindner@lra-musterland.example.org",
         topics=("Aufenthaltstitel", "Behördengänge")),
    dict(key="lra_integration_staff", name="Claudia Ruhland", organisation="lra_integration",
         role=ContactRole.DISTRICT_OFFICE, legal_basis=LegalBasis.PUBLIC_TASK, phone="0123 45670-151",
         email="c.ruhland@lra-musterland.example.org", topics=("Sachbericht", "Förderanträge")),
    dict(key="town_hall_staff", name="Frank Ulmer", organisation="town_hall", role=ContactRole.ADMINISTRATION,
         legal_basis=LegalBasis.PUBLIC_TASK, phone="0123 45678-11", email="f.ulmer@lindenbach.example.org",
         topics=("Wohnungssuche", "Anmeldung des Wohnsitzes", "Dorffest")),
    dict(key="family_centre_staff", name="Nadine Holunder", organisation="family_centre",
         role=ContactRole.COUNSELLING_SERVICE, legal_basis=LegalBasis.PUBLIC_TASK, phone="0123 45678-71",
         email="n.holunder@lindenbach.example.org", languages=("de", "tr"),
         topics=("Griffbereit", "Rucksack Kita", "Elterncafé")),
    dict(key="counsellor", name="Hanna Yousef", organisation="mbe", role=ContactRole.COUNSELLING_SERVICE,
         legal_basis=LegalBasis.PUBLIC_TASK, phone="0123 45670-201", email="h.yousef@beratung-musterland.example.org",
         languages=("de", "ar", "en"), topics=("Migrationsberatung", "Familiennachzug", "Wohnungssuche")),
    dict(key="pastor", name="Katrin Weidemann", organisation="church", role=ContactRole.ASSOCIATION,
         legal_basis=LegalBasis.CONSENT, phone="0123 45678-61", email="k.weidemann@kirche-lindenbach.example.org",
         topics=("Räume im Gemeindehaus", "Nähcafé"), consent=_consent(400, _PARTNER)),
    dict(key="club_chair", name="Uwe Kastner", organisation="tsv", role=ContactRole.ASSOCIATION,
         legal_basis=LegalBasis.CONSENT, phone="0123 45678-51", email="u.kastner@tsv-lindenbach.example.org",
         topics=("Sportangebote", "Frauenschwimmen"), consent=_consent(320, _PARTNER, method=ConsentMethod.ELECTRONIC)),
    dict(key="mediator_ar", name="Samir Haddad", organisation="volunteers", role=ContactRole.LANGUAGE_MEDIATOR,
         legal_basis=LegalBasis.CONSENT, phone="0123 45679-01", email="samir.haddad@example.org",
         languages=("ar", "de", "en"), topics=("Sprachmittlung Arabisch", "Behördengänge"),
         tags=("Sprachmittlerpool",), consent=_consent(290, MEDIATION_PURPOSE, "ar")),
    dict(key="mediator_prs", name="Mariam Rahimi", organisation="volunteers", role=ContactRole.LANGUAGE_MEDIATOR,
         legal_basis=LegalBasis.CONSENT, phone="0123 45679-02", email="mariam.rahimi@example.org",
         languages=("prs", "fa", "de"), topics=("Sprachmittlung Dari und Farsi", "Kita-Anmeldung"),
         tags=("Sprachmittlerpool",), consent=_consent(250, MEDIATION_PURPOSE, "fa")),
    dict(key="mediator_uk", name="Olena Kovalenko", organisation="volunteers", role=ContactRole.LANGUAGE_MEDIATOR,
         legal_basis=LegalBasis.CONTRACT, phone="0123 45679-03", email="olena.kovalenko@example.org",
         languages=("uk", "ru", "de"), topics=("Sprachmittlung Ukrainisch und Russisch", "Wohnungssuche"),
         tags=("Sprachmittlerpool", "Ehrenamt"), notes="Ehrenamtsvereinbarung liegt im Ordner Helferkreis"),
    dict(key="mediator_tr", name="Elif Yıldırım", organisation="family_centre", role=ContactRole.LANGUAGE_MEDIATOR,
         legal_basis=LegalBasis.CONSENT, phone="0123 45679-04", email="elif.yildirim@example.org",
         languages=("tr", "ku", "de"), topics=("Sprachmittlung Türkisch und Kurmanji", "Elterngespräche"),
         tags=("Sprachmittlerpool",), consent=_consent(180, MEDIATION_PURPOSE, "tr")),
    dict(key="mediator_ti", name="Tesfalem Haile", organisation="volunteers", role=ContactRole.LANGUAGE_MEDIATOR,
         legal_basis=LegalBasis.CONSENT, phone="0123 45679-05", email="tesfalem.haile@example.org",
         languages=("ti", "en", "de"), topics=("Sprachmittlung Tigrinya",), tags=("Sprachmittlerpool",),
         consent=_consent(120, MEDIATION_PURPOSE, "en", ConsentMethod.VERBAL)),
    dict(key="homework_volunteer", name="Gisela Brandt", organisation="volunteers", role=ContactRole.VOLUNTEER,
         legal_basis=LegalBasis.CONTRACT, phone="0123 45679-11", email="gisela.brandt@example.org",
         topics=("Hausaufgabenhilfe",), tags=("Ehrenamt",)),
    dict(key="bike_volunteer", name="Heinz Tannert", organisation="volunteers", role=ContactRole.VOLUNTEER,
         legal_basis=LegalBasis.CONSENT, phone="0123 45679-12", topics=("Fahrradwerkstatt",), tags=("Ehrenamt",),
         consent=_consent(210, _VOLUNTEERING)),
    dict(key="cafe_volunteer", name="Lea Eschbach", organisation="volunteers", role=ContactRole.VOLUNTEER,
         legal_basis=LegalBasis.CONSENT, email="lea.eschbach@example.org", languages=("de", "en", "fr"),
         topics=("Sprachcafé",), tags=("Ehrenamt",), consent=_consent(150, _VOLUNTEERING, method=ConsentMethod.ELECTRONIC)),
    dict(key="culture_member", name="Karim Saleh", organisation="culture"),
    dict(key="parent_helper", name="Maria Stein", organisation="family_centre"),
    dict(key="club_member", name="Daniel Wagner", organisation="tsv"),
)

_WEEKLY, _BIWEEKLY, _MONTHLY, _ONCE = Recurrence.WEEKLY, Recurrence.BIWEEKLY, Recurrence.MONTHLY, Recurrence.ONCE
_PARISH_HALL = dict(place_name="Gemeindehaus der Ev. Kirchengemeinde", street="Kirchweg 1")
_FAMILY_CENTRE = dict(place_name="Familienzentrum Lindenbach", street="Lindenstraße 15")
_TOWN_HALL = dict(place_name="Rathaus Lindenbach", street="Rathausplatz 1")

#: Offers; `texts` maps language to (title, description); German first.
OFFERS: tuple[Entry, ...] = (
    dict(key="language_cafe", category=OfferCategory.LANGUAGE, recurrence=_WEEKLY, weekday=1, weeks_ago=120,
         times=("17:00", "19:00"), **_PARISH_HALL, cost_cents=0, cost_note="kostenlos",
         target_groups=(TargetGroup.EVERYONE, TargetGroup.NEWCOMERS), languages=("de", "ar", "uk", "fa", "ti"),
         provider="volunteers", contacts=("cafe_volunteer", "mediator_ar"), texts={
             "de": ("Sprachcafé", "Deutsch sprechen üben bei Kaffee und Tee. Alle Sprachniveaus sind willkommen, eine Anmeldung ist nicht nötig."),
             "en": ("Language café", "Practise speaking German over coffee and tea. All levels are welcome, no registration needed."),
             "ar": ("مقهى اللغة", "تدرّب على التحدث باللغة الألمانية مع القهوة والشاي. الجميع مرحّب بهم من كل المستويات، ولا حاجة للتسجيل."),
             "uk": ("Мовне кафе", "Практикуйте розмовну німецьку за кавою та чаєм. Запрошуємо людей з будь-яким рівнем мови, реєстрація не потрібна."),
             "fa": ("کافه زبان", "تمرین مکالمهٔ آلمانی همراه با قهوه و چای. با هر سطحی از زبان خوش آمدید، ثبت‌نام لازم نیست."),
             "prs": ("کافهٔ زبان", "تمرین گپ زدن به زبان آلمانی همراه با چای و قهوه. با هر سطحی از زبان خوش آمدید، ثبت نام ضرورت نیست."),
             "tr": ("Dil Kafesi", "Kahve ve çay eşliğinde Almanca konuşma pratiği. Her seviyeden katılımcıya açıktır, kayıt gerekmez."),
             "ru": ("Языковое кафе", "Практика разговорного немецкого за чашкой кофе или чая. Приглашаем всех, независимо от уровня языка, регистрация не нужна."),
             "ti": ("ናይ ቋንቋ ካፈ", "ምስ ቡንን ሻሂን ጀርመንኛ ብሓባር ንዛረብ። ምዝገባ ኣየድልን።"),
             "ku": ("Kafeya Ziman", "Em bi çay û qehweyê re bi hev re bi almanî diaxivin. Her kes bi xêr hatiye, qeydkirin ne pêwîst e."),
         }),
    dict(key="homework", category=OfferCategory.EDUCATION, recurrence=_WEEKLY, weekday=0, weeks_ago=80,
         times=("14:30", "16:00"), place_name="Grundschule Lindenbach, Raum 4", street="Schulstraße 12",
         cost_cents=0, target_groups=(TargetGroup.CHILDREN,), languages=("de", "ar", "uk"), provider="school",
         contacts=("homework_volunteer", "school_social"), texts={
             "de": ("Hausaufgabenhilfe", "Ehrenamtliche unterstützen Grundschulkinder bei den Hausaufgaben und beim Lesen. Einfach nach dem Unterricht vorbeikommen."),
             "en": ("Homework help", "Volunteers help primary school children with their homework and reading. Just drop in after lessons."),
             "ar": ("المساعدة في الواجبات المدرسية", "يساعد متطوعون أطفال المدرسة الابتدائية في واجباتهم المدرسية وفي القراءة. تعالوا ببساطة بعد انتهاء الدروس."),
             "uk": ("Допомога з домашніми завданнями", "Волонтери допомагають учням початкової школи з домашніми завданнями та читанням. Просто приходьте після уроків."),
             "ru": ("Помощь с домашними заданиями", "Волонтёры помогают ученикам начальной школы с домашними заданиями и чтением. Просто приходите после уроков."),
             "tr": ("Ödev yardımı", "Gönüllüler ilkokul çocuklarına ödevlerinde ve okumada yardım ediyor. Dersten sonra uğramanız yeterli."),
             "fa": ("کمک در انجام تکالیف", "داوطلبان به کودکان دبستانی در انجام تکالیف و خواندن کمک می‌کنند. کافی است بعد از کلاس بیایید."),
         }),
    dict(key="griffbereit", category=OfferCategory.FAMILY, recurrence=_WEEKLY, weekday=2, weeks_ago=60,
         times=("09:30", "11:00"), **_FAMILY_CENTRE, cost_cents=0, registration_required=True,
         registration_note="Anmeldung im Familienzentrum, Telefon 0123 45678-70",
         target_groups=(TargetGroup.FAMILIES, TargetGroup.CHILDREN), languages=("de", "ar", "tr", "uk"),
         provider="family_centre", contacts=("family_centre_staff",), texts={
             "de": ("Griffbereit – Eltern-Kind-Gruppe", "Spielen, Singen und Erzählen in der Familiensprache und auf Deutsch für Eltern mit Kindern von 1 bis 3 Jahren."),
             "en": ("Griffbereit parent and toddler group", "Playing, singing and storytelling in the family language and in German for parents with children aged 1 to 3."),
             "ar": ("غريفبرايت – مجموعة الأهل والأطفال", "لعب وغناء وحكايات بلغة العائلة وباللغة الألمانية للأهل مع أطفالهم من عمر سنة إلى ثلاث سنوات."),
             "tr": ("Griffbereit – Anne-baba ve çocuk grubu", "1-3 yaş arası çocukları olan ebeveynler için anadilde ve Almanca oyun, şarkı ve hikâye."),
             "uk": ("Griffbereit – група для батьків і малюків", "Ігри, пісні та розповіді рідною мовою і німецькою для батьків із дітьми від 1 до 3 років."),
             "prs": ("گریف‌برایت – گروه والدین و کودکان", "بازی، آواز و قصه به زبان فامیل و به زبان آلمانی برای والدین با کودکان ۱ تا ۳ ساله."),
         }),
    dict(key="rucksack", category=OfferCategory.FAMILY, recurrence=_BIWEEKLY, weekday=3, weeks_ago=50,
         times=("08:30", "10:00"), place_name="Kita Sonnenblume", street="Kirchweg 3", cost_cents=0,
         registration_required=True, registration_note="Anmeldung in der Kita",
         target_groups=(TargetGroup.FAMILIES,), languages=("de", "ar", "tr", "ru"), provider="kita",
         contacts=("kita_head", "family_centre_staff"), texts={
             "de": ("Rucksack Kita – Elternprogramm", "Eltern fördern die Sprachentwicklung ihrer Kinder in der Familiensprache. Treffen in der Kita mit einer Elternbegleiterin."),
             "en": ("Rucksack Kita parents' programme", "Parents support their children's language development in the family language. Meetings at the daycare centre with a parent facilitator."),
             "ar": ("روكزاك كيتا – برنامج للأهل", "يدعم الأهل تطوّر لغة أطفالهم بلغة العائلة. لقاءات في الروضة بمرافقة مرشدة للأهل."),
             "tr": ("Rucksack Kita – Veli programı", "Veliler çocuklarının dil gelişimini anadilde destekliyor. Kreşte bir veli rehberiyle buluşmalar."),
             "ru": ("Rucksack Kita – программа для родителей", "Родители поддерживают речевое развитие детей на родном языке. Встречи в детском саду с ведущей для родителей."),
             "uk": ("Rucksack Kita – програма для батьків", "Батьки підтримують мовний розвиток дітей рідною мовою. Зустрічі в дитячому садку з ведучою для батьків."),
         }),
    dict(key="migration_counselling", category=OfferCategory.COUNSELLING, recurrence=_WEEKLY, weekday=2,
         weeks_ago=150, times=("09:00", "12:00"), place_name="Rathaus Lindenbach, Zimmer 3", street="Rathausplatz 1",
         cost_cents=0, registration_note="Offene Sprechstunde, Termine auch nach Vereinbarung",
         target_groups=(TargetGroup.NEWCOMERS, TargetGroup.FAMILIES), languages=("de", "ar", "en"), provider="mbe",
         contacts=("counsellor",), texts={
             "de": ("Migrationsberatung – Sprechstunde im Rathaus", "Beratung zu Aufenthalt, Familiennachzug, Sprachkursen, Arbeit und Wohnen. Vertraulich und kostenlos."),
             "en": ("Migration counselling – office hours at the town hall", "Advice on residence, family reunification, language courses, work and housing. Confidential and free of charge."),
             "ar": ("استشارات الهجرة – ساعات استقبال في مبنى البلدية", "استشارات حول الإقامة ولمّ شمل الأسرة ودورات اللغة والعمل والسكن. بسرّية تامة ومجانًا."),
             "fa": ("مشاورهٔ مهاجرت – ساعت مشاوره در شهرداری", "مشاوره دربارهٔ اقامت، پیوستن خانواده، کلاس‌های زبان، کار و مسکن. محرمانه و رایگان."),
             "prs": ("مشورهٔ مهاجرت – ساعات مشوره در شاروالی", "مشوره در مورد اقامت، پیوستن فامیل، کورس‌های لسان، کار و خانه. محرمانه و رایگان."),
             "uk": ("Міграційна консультація – прийом у ратуші", "Консультації щодо перебування, возз’єднання сім’ї, мовних курсів, роботи та житла. Конфіденційно та безкоштовно."),
             "ru": ("Миграционная консультация – приём в ратуше", "Консультации по вопросам пребывания, воссоединения семьи, языковых курсов, работы и жилья. Конфиденциально и бесплатно."),
             "tr": ("Göç danışmanlığı – Belediye binasında danışma saati", "Oturum, aile birleşimi, dil kursları, iş ve konut konularında danışmanlık. Gizli ve ücretsiz."),
         }),
    dict(key="women_swimming", category=OfferCategory.LEISURE, recurrence=_WEEKLY, weekday=5, weeks_ago=40,
         times=("18:00", "19:30"), place_name="Hallenbad Musterstadt", street="Badstraße 7", **DISTRICT_TOWN,
         cost_cents=250, cost_note="2,50 € pro Abend, mit Sozialpass kostenlos", registration_required=True,
         registration_note="Anmeldung beim TSV Lindenbach", target_groups=(TargetGroup.WOMEN,),
         languages=("de", "ar", "fa", "ti"), provider="tsv", contacts=("club_chair", "mediator_prs"), texts={
             "de": ("Frauenschwimmen", "Schwimmen und Schwimmenlernen nur für Frauen, mit weiblicher Badeaufsicht. Die Fenster sind abgedeckt."),
             "en": ("Women-only swimming", "Swimming and learning to swim for women only, with a female lifeguard. The windows are covered."),
             "ar": ("سباحة للنساء", "سباحة وتعلّم السباحة للنساء فقط، بإشراف منقذة. النوافذ مغطاة."),
             "fa": ("شنای بانوان", "شنا و آموزش شنا فقط برای بانوان، با نجات‌غریق زن. پنجره‌ها پوشیده هستند."),
             "prs": ("آب‌بازی برای خانم‌ها", "آب‌بازی و آموزش آب‌بازی فقط برای خانم‌ها، با ناظر زن. کلکین‌ها پوشیده هستند."),
             "ti": ("ምሕንባስ ንደቂ ኣንስትዮ", "ንደቂ ኣንስትዮ ጥራይ። ምዝገባ የድሊ።"),
             "tr": ("Kadınlara özel yüzme", "Yalnızca kadınlar için yüzme ve yüzme öğrenme, kadın cankurtaran eşliğinde. Pencereler örtülüdür."),
             "uk": ("Плавання для жінок", "Плавання та навчання плаванню лише для жінок, під наглядом рятувальниці. Вікна закриті."),
         }),
    dict(key="bike_workshop", category=OfferCategory.OTHER, recurrence=_BIWEEKLY, weekday=5, weeks_ago=70,
         times=("10:00", "13:00"), place_name="Schuppen am Bauhof", street="Mühlweg 9", cost_cents=0,
         cost_note="Ersatzteile zum Selbstkostenpreis", target_groups=(TargetGroup.EVERYONE, TargetGroup.YOUTH),
         languages=("de", "ar", "ti", "ku"), provider="volunteers", contacts=("bike_volunteer",), texts={
             "de": ("Fahrradwerkstatt", "Gemeinsam Fahrräder reparieren. Gespendete Räder werden verkehrssicher gemacht und weitergegeben."),
             "en": ("Bicycle workshop", "Repair bicycles together. Donated bikes are made roadworthy and passed on."),
             "ar": ("ورشة الدراجات الهوائية", "نصلح الدراجات معًا. تُجهَّز الدراجات المتبرَّع بها لتصبح آمنة للسير ثم تُعطى لمن يحتاجها."),
             "ti": ("ቤት ዕዮ ብሽክለታ", "ምዕራይ ብሽክለታ ብሓባር። ብነጻ።"),
             "ku": ("Kargeha duçerxeyan", "Em bi hev re duçerxeyan tamîr dikin. Duçerxeyên diyarîkirî ji bo kesên din têne amadekirin."),
             "fa": ("کارگاه دوچرخه", "با هم دوچرخه تعمیر می‌کنیم. دوچرخه‌های اهدایی ایمن می‌شوند و به دیگران داده می‌شوند."),
             "uk": ("Веломайстерня", "Разом ремонтуємо велосипеди. Подаровані велосипеди готуємо до безпечної їзди та передаємо далі."),
         }),
    dict(key="parents_cafe", category=OfferCategory.FAMILY, recurrence=_MONTHLY, weekday=4, months_ago=14, ordinal=1,
         times=("15:00", "17:00"), **_FAMILY_CENTRE, cost_cents=0,
         target_groups=(TargetGroup.FAMILIES, TargetGroup.NEWCOMERS), languages=("de", "tr", "ar", "uk", "ru"),
         provider="family_centre", contacts=("family_centre_staff", "mediator_tr"), texts={
             "de": ("Elterncafé", "Austausch für Eltern bei Kaffee und Kuchen, mit Informationen zu Kita, Schule und Gesundheit. Kinderbetreuung vor Ort."),
             "en": ("Parents' café", "Parents meet over coffee and cake and get information on daycare, school and health. Childcare on site."),
             "tr": ("Veli Kafesi", "Kahve ve pasta eşliğinde veliler için sohbet; kreş, okul ve sağlık hakkında bilgiler. Yerinde çocuk bakımı vardır."),
             "ar": ("مقهى الأهل", "لقاء للأهل مع القهوة والكعك، ومعلومات عن الروضة والمدرسة والصحة. تتوفر رعاية للأطفال في المكان."),
             "uk": ("Батьківське кафе", "Спілкування для батьків за кавою та тістечками, інформація про дитячий садок, школу та здоров’я. На місці є догляд за дітьми."),
             "ru": ("Родительское кафе", "Общение для родителей за кофе и пирогом, информация о детском саде, школе и здоровье. На месте есть присмотр за детьми."),
             "ku": ("Kafeya dêûbavan", "Dêûbav bi qehwe û kekê re li hev dicivin û agahiyan li ser baxçeyê zarokan, dibistan û tenduristiyê werdigirin."),
         }),
    dict(key="job_training", category=OfferCategory.WORK, recurrence=_WEEKLY, weekday=1, weeks_ago=5, weeks_running=10,
         times=("10:00", "12:00"), place_name="Jobcenter-Außenstelle, Schulungsraum", street="Bahnhofstraße 8",
         cost_cents=0, registration_required=True, registration_note="Anmeldung über das Jobcenter",
         target_groups=(TargetGroup.NEWCOMERS, TargetGroup.YOUTH), languages=("de", "en"), provider="jobcenter",
         contacts=("jobcentre_staff",), texts={
             "de": ("Bewerbungstraining", "Lebenslauf schreiben, Anschreiben üben und Vorstellungsgespräche proben. Bitte Zeugnisse mitbringen."),
             "en": ("Job application training", "Write your CV, practise cover letters and rehearse job interviews. Please bring your certificates."),
             "ar": ("تدريب على طلبات العمل", "كتابة السيرة الذاتية والتدرّب على رسائل التقديم ومقابلات العمل. يُرجى إحضار الشهادات."),
             "uk": ("Тренінг із пошуку роботи", "Складаємо резюме, вчимося писати супровідні листи та репетируємо співбесіди. Будь ласка, візьміть із собою документи про освіту."),
             "prs": ("آمادگی برای درخواست کار", "نوشتن خلص سوانح، تمرین نوشتن درخواستی و تمرین مصاحبهٔ کاری. لطفاً اسناد تحصیلی خود را همراه بیاورید."),
             "ru": ("Тренинг по поиску работы", "Составляем резюме, учимся писать сопроводительные письма и репетируем собеседования. Пожалуйста, возьмите с собой документы об образовании."),
             "tr": ("Başvuru eğitimi", "Özgeçmiş yazma, ön yazı alıştırması ve iş görüşmesi provası. Lütfen diplomalarınızı ve belgelerinizi getirin."),
         }),
    dict(key="parents_german", category=OfferCategory.LANGUAGE, recurrence=_WEEKLY, weekday=3, weeks_ago=30,
         times=("09:00", "11:30"), **_FAMILY_CENTRE, cost_cents=2000,
         cost_note="20 € für 10 Termine, Ermäßigung möglich", registration_required=True,
         registration_note="Anmeldung bei der Volkshochschule",
         target_groups=(TargetGroup.FAMILIES, TargetGroup.WOMEN, TargetGroup.NEWCOMERS), languages=("de",),
         provider="vhs", contacts=("family_centre_staff",), texts={
             "de": ("Deutschkurs für Eltern mit Kinderbetreuung", "Alltagsdeutsch für Mütter und Väter: Kita, Arztbesuch, Einkaufen. Während des Kurses werden die Kinder betreut."),
             "en": ("German course for parents with childcare", "Everyday German for mothers and fathers: daycare, doctor's visits, shopping. Children are looked after during the course."),
             "ar": ("دورة لغة ألمانية للأهل مع رعاية الأطفال", "الألمانية في الحياة اليومية للأمهات والآباء: الروضة، زيارة الطبيب، التسوق. تتم رعاية الأطفال أثناء الدورة."),
             "uk": ("Курс німецької для батьків із доглядом за дітьми", "Повсякденна німецька для мам і тат: дитячий садок, візит до лікаря, покупки. Під час курсу за дітьми доглядають."),
             "fa": ("کلاس آلمانی برای والدین با مراقبت از کودک", "آلمانی روزمره برای مادران و پدران: مهدکودک، مراجعه به پزشک، خرید. در طول کلاس از کودکان مراقبت می‌شود."),
             "prs": ("کورس آلمانی برای والدین با نگهداری اطفال", "آلمانی روزمره برای مادران و پدران: کودکستان، رفتن نزد داکتر، خریداری. در جریان کورس از اطفال نگهداری می‌شود."),
             "ti": ("ትምህርቲ ጀርመንኛ ንወለዲ", "ምስ ክንክን ቆልዑ። ምዝገባ የድሊ።"),
             "tr": ("Ebeveynler için çocuk bakımlı Almanca kursu", "Anneler ve babalar için günlük Almanca: kreş, doktor ziyareti, alışveriş. Kurs süresince çocuklara bakılır."),
         }),
    dict(key="football", category=OfferCategory.LEISURE, recurrence=_WEEKLY, weekday=4, weeks_ago=100,
         times=("17:00", "18:30"), place_name="Sportplatz am Mühlbach", street="Am Sportplatz 2", cost_cents=0,
         target_groups=(TargetGroup.CHILDREN, TargetGroup.YOUTH), languages=("de", "ar", "ti", "ku", "uk"),
         provider="tsv", contacts=("club_chair",), texts={
             "de": ("Offenes Fußballtraining", "Fußball für Kinder und Jugendliche von 8 bis 16 Jahren, ohne Vereinsmitgliedschaft. Sportschuhe mitbringen."),
             "en": ("Open football training", "Football for children and young people aged 8 to 16, no club membership needed. Bring sports shoes."),
             "ar": ("تدريب كرة قدم مفتوح", "كرة قدم للأطفال واليافعين من عمر 8 إلى 16 سنة، دون الحاجة إلى عضوية في النادي. أحضروا أحذية رياضية."),
             "ti": ("ኩዕሶ እግሪ ንኹሉ", "ንቆልዑን መንእሰያትን። ብነጻ።"),
             "ku": ("Perwerdeya futbolê ya vekirî", "Futbol ji bo zarok û ciwanên 8 heta 16 salî, endametiya klûbê ne pêwîst e. Pêlavên werzîşê bînin."),
             "uk": ("Відкрите футбольне тренування", "Футбол для дітей та підлітків від 8 до 16 років, членство в клубі не потрібне. Візьміть спортивне взуття."),
             "fa": ("تمرین آزاد فوتبال", "فوتبال برای کودکان و نوجوانان ۸ تا ۱۶ ساله، بدون نیاز به عضویت در باشگاه. کفش ورزشی همراه بیاورید."),
         }),
    dict(key="office_guides", category=OfferCategory.COUNSELLING, recurrence=_BIWEEKLY, weekday=0, weeks_ago=90,
         times=("14:00", "16:00"), place_name="Rathaus Lindenbach, Bürgerbüro", street="Rathausplatz 1",
         cost_cents=0, registration_required=True, registration_note="Bitte Termin vereinbaren: 0123 45678-80",
         target_groups=(TargetGroup.NEWCOMERS,), languages=("ar", "fa", "prs", "uk", "ru", "tr", "ti", "ku"),
         provider="volunteers", contacts=("mediator_ar", "mediator_prs", "mediator_uk", "mediator_tr", "mediator_ti"),
         texts={
             "de": ("Behördenlotsen – Begleitung zu Ämtern", "Ehrenamtliche Sprachmittlerinnen und Sprachmittler helfen bei Formularen und begleiten zu Terminen bei Ämtern. Bitte Termin vereinbaren."),
             "en": ("Guides to public offices", "Volunteer language mediators help with forms and accompany you to appointments at public offices. Please make an appointment."),
             "ar": ("مرافقة إلى الدوائر الرسمية", "يساعد وسطاء لغويون متطوعون في تعبئة الاستمارات ويرافقونكم إلى المواعيد في الدوائر الرسمية. يُرجى حجز موعد مسبقًا."),
             "fa": ("همراهی در ادارات", "میانجی‌های زبانی داوطلب در پر کردن فرم‌ها کمک می‌کنند و شما را در قرارهای اداری همراهی می‌کنند. لطفاً وقت بگیرید."),
             "prs": ("همراهی به ادارات", "ترجمان‌های رضاکار در خانه‌پری فورمه‌ها کمک می‌کنند و شما را در ملاقات‌های اداری همراهی می‌کنند. لطفاً وقت بگیرید."),
             "uk": ("Супровід до установ", "Волонтери-перекладачі допомагають заповнювати формуляри та супроводжують на прийоми до установ. Будь ласка, домовтеся про зустріч заздалегідь."),
             "ru": ("Сопровождение в учреждения", "Волонтёры-переводчики помогают заполнять формуляры и сопровождают на приёмы в учреждения. Пожалуйста, договоритесь о встрече заранее."),
             "tr": ("Resmî dairelere refakat", "Gönüllü dil aracıları formlarda yardım ediyor ve resmî dairelerdeki randevulara eşlik ediyor. Lütfen randevu alın."),
             "ku": ("Alîkarî li dezgehên fermî", "Wergêrên dilxwaz di tijekirina forman de alîkarî dikin û bi we re diçin randevûyên li dezgehan. Ji kerema xwe randevûyekê bigirin."),
         }),
    dict(key="sewing_cafe", category=OfferCategory.LEISURE, status=OfferStatus.PAUSED, recurrence=_MONTHLY,
         weekday=2, months_ago=12, ordinal=2, times=("18:00", "20:30"), **_PARISH_HALL, cost_cents=300,
         cost_note="3 € Materialbeitrag", target_groups=(TargetGroup.WOMEN, TargetGroup.EVERYONE),
         languages=("de", "tr", "ar", "uk"), provider="church", contacts=("pastor",), texts={
             "de": ("Nähcafé", "Gemeinsam nähen, flicken und Neues ausprobieren. Nähmaschinen sind vorhanden."),
             "en": ("Sewing café", "Sew, mend and try something new together. Sewing machines are provided."),
             "tr": ("Dikiş Kafesi", "Birlikte dikiş dikiyor, tamir ediyor ve yeni şeyler deniyoruz. Dikiş makineleri mevcuttur."),
             "ar": ("مقهى الخياطة", "نخيط ونرقّع ونجرّب أشياء جديدة معًا. تتوفر ماكينات خياطة."),
             "uk": ("Кафе шиття", "Разом шиємо, лагодимо одяг і пробуємо нове. Швейні машинки є на місці."),
         }),
    dict(key="first_aid", category=OfferCategory.HEALTH, status=OfferStatus.ENDED, recurrence=_ONCE, weekday=5,
         weeks_ago=20, times=("09:00", "15:00"), **_FAMILY_CENTRE, cost_cents=1500, cost_note="15 €, ermäßigt 5 €",
         registration_required=True, registration_note="Anmeldung im Familienzentrum",
         target_groups=(TargetGroup.FAMILIES,), languages=("de", "ar", "uk"), provider="family_centre",
         contacts=("family_centre_staff",), texts={
             "de": ("Erste Hilfe am Kind", "Kurs für Eltern und Großeltern: Was tun bei Fieber, Verschlucken oder Verletzungen? Mit Übungen an der Puppe."),
             "en": ("First aid for children", "Course for parents and grandparents: what to do in case of fever, choking or injuries. With practice on a training doll."),
             "ar": ("الإسعافات الأولية للأطفال", "دورة للآباء والأمهات والأجداد: ماذا نفعل عند الحمّى أو الاختناق أو الإصابات؟ مع تمارين على دمية تدريب."),
             "uk": ("Перша допомога дітям", "Курс для батьків, бабусь і дідусів: що робити при високій температурі, травмах або якщо дитина вдавилася? З вправами на манекені."),
             "ru": ("Первая помощь детям", "Курс для родителей, бабушек и дедушек: что делать при высокой температуре, травмах или если ребёнок подавился? С упражнениями на манекене."),
             "fa": ("کمک‌های اولیه برای کودکان", "دوره‌ای برای والدین و پدربزرگ‌ها و مادربزرگ‌ها: در صورت تب، خفگی یا آسیب‌دیدگی چه باید کرد؟ همراه با تمرین روی عروسک آموزشی."),
         }),
    dict(key="village_festival", category=OfferCategory.LEISURE, status=OfferStatus.PLANNED, recurrence=_ONCE,
         weekday=5, weeks_ago=-22, times=("14:00", "20:00"), place_name="Dorfplatz Lindenbach",
         street="Lindenstraße", cost_cents=0, target_groups=(TargetGroup.EVERYONE,),
         languages=("de", "ar", "uk", "tr", "fa", "ti", "ku"), provider="culture", contacts=("town_hall_staff",),
         texts={
             "de": ("Internationales Dorffest", "Essen aus vielen Ländern, Musik, Spiele für Kinder und Infostände der Vereine. Alle sind herzlich eingeladen."),
             "en": ("International village festival", "Food from many countries, music, games for children and information stands of local clubs. Everyone is warmly invited."),
             "ar": ("مهرجان القرية الدولي", "طعام من بلدان كثيرة وموسيقى وألعاب للأطفال وأكشاك معلومات للجمعيات. ندعو الجميع بكل سرور."),
             "uk": ("Міжнародне сільське свято", "Страви з багатьох країн, музика, ігри для дітей та інформаційні стенди місцевих клубів. Щиро запрошуємо всіх."),
             "tr": ("Uluslararası Köy Şenliği", "Birçok ülkeden yemekler, müzik, çocuklar için oyunlar ve derneklerin bilgi stantları. Herkes davetlidir."),
             "fa": ("جشن بین‌المللی روستا", "غذا از کشورهای مختلف، موسیقی، بازی برای کودکان و غرفه‌های اطلاع‌رسانی انجمن‌ها. از همه صمیمانه دعوت می‌شود."),
             "prs": ("جشن بین‌المللی قریه", "غذا از کشورهای مختلف، موسیقی، بازی برای اطفال و غرفه‌های معلوماتی انجمن‌ها. از همه صمیمانه دعوت می‌شود."),
             "ru": ("Международный праздник деревни", "Блюда разных стран, музыка, игры для детей и информационные стенды местных клубов. Сердечно приглашаем всех."),
             "ti": ("ዓለምለኻዊ በዓል ዓዲ", "መግቢ፡ ሙዚቃን ጸወታታት ንቆልዑን። ብነጻ።"),
             "ku": ("Cejna navneteweyî ya gund", "Xwarinên ji gelek welatan, muzîk, lîstikên ji bo zarokan û standên agahiyê yên komeleyan. Her kes bi dil û can vexwendî ye."),
         }),
)

#: Headcount profiles: (share of women, weights of the age bands <18, 18-26, 27-64, 65+, share of newcomers).
PROFILES = {
    "mixed": (0.55, (0.15, 0.2, 0.5, 0.15), 0.2),
    "children": (0.5, (1.0, 0.0, 0.0, 0.0), 0.15),
    "parents_children": (0.7, (0.5, 0.15, 0.35, 0.0), 0.2),
    "parents": (0.8, (0.0, 0.25, 0.75, 0.0), 0.2),
    "women": (1.0, (0.05, 0.25, 0.6, 0.1), 0.25),
    "youth": (0.3, (0.8, 0.2, 0.0, 0.0), 0.2),
    "adults": (0.5, (0.0, 0.35, 0.6, 0.05), 0.4),
    "professionals": (0.7, (0.0, 0.05, 0.9, 0.05), 0.0),
}

#: Sessions of offers in the last twelve months: (offer key, how many, kind, participants (min, max),
#: profile, volunteers (min, max), languages, notes used in turn).
OFFER_SESSIONS = (
    ("language_cafe", 7, ActivityKind.OFFER_SESSION, (8, 18), "mixed", (2, 4), ("de", "ar", "uk", "fa"),
     ("Thema: Einkaufen", "Thema: Beim Arzt", "", "Thema: Wohnungssuche", "Thema: Feste und Feiertage")),
    ("homework", 5, ActivityKind.OFFER_SESSION, (6, 12), "children", (2, 3), ("de",), ("", "Lesetraining mit Bilderbüchern")),
    ("griffbereit", 4, ActivityKind.OFFER_SESSION, (8, 14), "parents_children", (0, 1), ("de", "ar", "tr"), ("",)),
    ("rucksack", 3, ActivityKind.OFFER_SESSION, (6, 10), "parents", (0, 0), ("de", "ar", "tr", "ru"), ("",)),
    ("migration_counselling", 4, ActivityKind.COUNSELLING, (3, 7), "adults", (0, 0), ("de", "ar", "en"),
     ("Themen: Aufenthalt, Familiennachzug", "Themen: Sprachkurs, Anerkennung")),
    ("women_swimming", 3, ActivityKind.OFFER_SESSION, (10, 18), "women", (1, 2), ("de", "ar", "fa"), ("",)),
    ("bike_workshop", 3, ActivityKind.OFFER_SESSION, (5, 12), "youth", (2, 3), ("de", "ar", "ti"),
     ("Vier gespendete Räder weitergegeben", "")),
    ("parents_cafe", 3, ActivityKind.OFFER_SESSION, (10, 20), "parents_children", (1, 2), ("de", "tr", "uk"),
     ("Gast: Kinderärztin zum Thema Impfungen", "")),
    ("job_training", 3, ActivityKind.OFFER_SESSION, (6, 10), "adults", (0, 0), ("de", "en"), ("",)),
    ("parents_german", 3, ActivityKind.OFFER_SESSION, (8, 12), "parents", (1, 1), ("de",), ("",)),
    ("football", 3, ActivityKind.OFFER_SESSION, (12, 24), "youth", (2, 3), ("de", "ar", "ti"), ("",)),
    ("sewing_cafe", 2, ActivityKind.OFFER_SESSION, (6, 10), "women", (1, 1), ("de", "tr"), ("",)),
    ("first_aid", 1, ActivityKind.OFFER_SESSION, (10, 14), "parents", (0, 0), ("de", "ar"), ("",)),
    ("office_guides", 1, ActivityKind.COUNSELLING, (2, 5), "adults", (2, 3), ("ar", "prs", "uk"),
     ("Anträge Kindergeld und Wohngeld",)),
)

#: Sessions of the sewing café stop this many weeks ago: it is paused.
PAUSED_SINCE_WEEKS = {"sewing_cafe": 10}

_MEETING = "Netzwerktreffen Integration Lindenbach"
_ROUND_TABLE = "Runder Tisch Kita, Schule und Familienzentrum"
_DISTRICT = "Austausch mit dem Landratsamt (Integrationsmanagement)"
_CORE_NETWORK = ("kita", "school", "jobcenter", "family_centre", "volunteers", "church", "mbe")

#: Other activities: (weeks ago, weekday, kind, title, participants (min, max), profile, organisations,
#: languages, volunteers (min, max), times, notes).
OTHER_ACTIVITIES = (
    (50, 1, ActivityKind.NETWORK_MEETING, _MEETING, (10, 16), "professionals", _CORE_NETWORK, ("de",), (2, 2),
     ("10:00", "12:00"), "Schwerpunkt: Übergang von der Kita in die Schule"),
    (37, 1, ActivityKind.NETWORK_MEETING, _MEETING, (10, 16), "professionals", _CORE_NETWORK, ("de",), (2, 2),
     ("10:00", "12:00"), "Planung der Interkulturellen Woche"),
    (24, 1, ActivityKind.NETWORK_MEETING, _MEETING, (10, 16), "professionals", (*_CORE_NETWORK, "town_hall"),
     ("de",), (2, 3), ("10:00", "12:00"), "Wohnungssituation im Ort, Austausch mit dem Bürgerbüro"),
    (11, 1, ActivityKind.NETWORK_MEETING, _MEETING, (10, 16), "professionals", _CORE_NETWORK, ("de",), (2, 2),
     ("10:00", "12:00"), "Jahresplanung und Sachbericht"),
    (44, 2, ActivityKind.NETWORK_MEETING, _ROUND_TABLE, (5, 8), "professionals", ("kita", "school", "family_centre"),
     ("de",), (0, 0), ("14:00", "15:30"), "Sprachförderung vor der Einschulung"),
    (18, 2, ActivityKind.NETWORK_MEETING, _ROUND_TABLE, (5, 8), "professionals", ("kita", "school", "family_centre"),
     ("de",), (0, 0), ("14:00", "15:30"), "Elternabende mit Sprachmittlung"),
    (40, 3, ActivityKind.NETWORK_MEETING, _DISTRICT, (3, 6), "professionals", ("lra_integration", "lra", "town_hall"),
     ("de",), (0, 0), ("09:00", "11:00"), "Förderprogramme und Berichtspflichten"),
    (6, 3, ActivityKind.NETWORK_MEETING, _DISTRICT, (3, 6), "professionals", ("lra_integration", "lra", "town_hall"),
     ("de",), (0, 0), ("09:00", "11:00"), "Zusammenarbeit bei Fragen zum Aufenthalt"),
    (34, 5, ActivityKind.JOINT_ACTION, "Aktion „Lindenbach räumt auf“", (25, 45), "mixed",
     ("tsv", "volunteers", "culture", "town_hall"), ("de", "ar", "uk", "ti"), (6, 10), ("09:00", "13:00"),
     "Müll sammeln an Bach und Spielplatz mit Vereinen und neuen Nachbarinnen und Nachbarn"),
    (27, 5, ActivityKind.JOINT_ACTION, "Infostand auf dem Wochenmarkt", (30, 60), "mixed",
     ("volunteers", "family_centre", "mbe"), ("de", "ar", "uk", "tr"), (3, 4), ("08:00", "12:00"),
     "Angebotsübersicht in sechs Sprachen verteilt"),
    (15, 4, ActivityKind.JOINT_ACTION, "Interkulturelles Kochen im Gemeindehaus", (18, 30), "mixed",
     ("church", "culture"), ("de", "ar", "fa", "uk", "tr"), (4, 6), ("17:00", "21:00"), ""),
    (30, 5, ActivityKind.EVENT, "Internationales Dorffest", (150, 250), "mixed",
     ("culture", "tsv", "church", "town_hall", "volunteers"), ("de", "ar", "uk", "tr", "fa", "ti", "ku"), (15, 20),
     ("14:00", "20:00"), "Zwölf Stände, Musik vom Kulturverein"),
    (21, 2, ActivityKind.EVENT, "Infoabend Kita-Anmeldung mit Sprachmittlung", (12, 20), "parents",
     ("kita", "family_centre"), ("de", "ar", "prs", "uk"), (2, 3), ("18:00", "19:30"), ""),
    (8, 3, ActivityKind.EVENT, "Lesung und Gespräch: Ankommen in Lindenbach", (25, 40), "mixed",
     ("church", "volunteers"), ("de",), (1, 2), ("19:00", "21:00"), ""),
    (3, 0, ActivityKind.COUNSELLING, "Beratung zur Wohnungssuche", (2, 3), "adults", ("town_hall",), ("uk",), (0, 0),
     ("10:00", "11:00"), "Anonym: Unterstützung bei Wohnungsanzeigen und beim Wohnberechtigungsschein"),
)

#: Building blocks of invented names for the bulk data of benchmarks.
FIRST_NAMES = (
    "Anna", "Ahmad", "Olena", "Mariam", "Jonas", "Fatima", "Lukas", "Aylin", "Sabine", "Yusuf", "Tetiana",
    "Reza", "Lea", "Samir", "Hanna", "Dawit", "Elif", "Peter", "Zahra", "Mehmet", "Ines", "Omar", "Nadia",
    "Jürgen", "Selam", "Ali", "Katrin", "Hassan", "Iryna", "Bernd", "Leyla", "Tesfay", "Sophie", "Karim",
)
LAST_NAMES = (
    "Müller", "Schmidt", "Haddad", "Kovalenko", "Rahimi", "Yıldız", "Becker", "Weber", "Karimi", "Hoffmann",
    "Haile", "Demir", "Schäfer", "Sokolova", "Ahmadi", "Wagner", "Ibrahim", "Krüger", "Tesfaye", "Öztürk",
    "Bauer", "Hosseini", "Shevchenko", "Richter", "Aydın", "Neumann", "Saleh", "Wolf", "Mahmoud", "Jäger",
)
HAMLETS = ("Lindenbach", "Oberlindenbach", "Mühlgrund", "Eschental", "Am Weiher", "Buchhof", "Musterstadt")
BULK_ORGANISATIONS = (
    ("Kita {}", ContactRole.DAYCARE), ("Grundschule {}", ContactRole.SCHOOL),
    ("Sportverein {}", ContactRole.ASSOCIATION), ("Kirchengemeinde {}", ContactRole.ASSOCIATION),
    ("Familienzentrum {}", ContactRole.COUNSELLING_SERVICE), ("Bürgerbüro {}", ContactRole.ADMINISTRATION),
    ("Jobcenter-Außenstelle {}", ContactRole.JOB_CENTRE), ("Helferkreis {}", ContactRole.ASSOCIATION),
)
BULK_TOPICS = (
    "Kita-Anmeldung", "Wohnungssuche", "Behördengänge", "Schulanmeldung", "Arbeitssuche", "Sprachmittlung",
    "Hausaufgabenhilfe", "Familiennachzug", "Ehrenamt", "Sportangebote",
)
BULK_LANGUAGES = ("de", "en", "ar", "fa", "prs", "uk", "ru", "tr", "ti", "ku", "fr", "so")
BULK_NOTES = ("", "", "", "Themen: Kita und Schule", "Mit Sprachmittlung", "Nachholtermin")
BULK_PROFILES = ("mixed", "parents_children", "adults", "youth", "women")
BULK_TITLES = {
    ActivityKind.NETWORK_MEETING: ("Netzwerktreffen Integration", "Runder Tisch Kita und Schule", "Austausch mit dem Landratsamt"),
    ActivityKind.JOINT_ACTION: ("Infostand auf dem Wochenmarkt", "Gemeinsames Kochen", "Aktion Dorfputz"),
    ActivityKind.EVENT: ("Dorffest", "Infoabend Kita-Anmeldung", "Lesung und Gespräch"),
    ActivityKind.COUNSELLING: ("Beratung zur Wohnungssuche", "Begleitung zur Ausländerbehörde", "Sprechstunde"),
    ActivityKind.OFFER_SESSION: ("Sprachcafé", "Hausaufgabenhilfe"),
    ActivityKind.OTHER: ("Vorbereitung Sachbericht", "Pressetermin"),
}
