"""Questions about the shipped fact base and what each reply must contain.

One row: (question, words every one of which must appear in the reply, the reply's kind).
Several phrasings per relation, with typos, lower case and other spellings of the names.
"""

from __future__ import annotations

ANSWER, UNKNOWN, CLARIFY = "answer", "unknown", "clarify"

DIRECTORS = [
    ("Who directed The Medium?", ["Banjong Pisanthanakun"], ANSWER),
    ("who directed the medium", ["Banjong Pisanthanakun"], ANSWER),
    ("WHO DIRECTED THE MEDIUM", ["Banjong Pisanthanakun"], ANSWER),
    ("who directed the midium", ["Banjong Pisanthanakun"], ANSWER),
    ("Who was the director of Snowpiercer?", ["Bong Joon Ho"], ANSWER),
    ("who directd snowpiercer", ["Bong Joon Ho"], ANSWER),
    ("Who directed Snowpiercr?", ["Bong Joon Ho"], ANSWER),
    ("who directed snow piercer", ["Bong Joon Ho"], ANSWER),
    ("snowpiercer director?", ["Bong Joon Ho"], ANSWER),
    ("who helmed Mr. Go", ["Kim Yong-hwa"], ANSWER),
    ("who directed mr go", ["Kim Yong-hwa"], ANSWER),
    ("Who directed Love with an Alien?", ["Jeon Chang-keun", "Tu Kwang-chi", "Wakasugi Mitsuo"], ANSWER),
    ("who directed love wiht an alien", ["Jeon Chang-keun"], ANSWER),
    ("Who directed the last woman of shang", ["Choe In-hyeon", "Yueh Feng"], ANSWER),
    ("director of asako in ruby shoes", ["E J-yong"], ANSWER),
    ("Who directed Asako in Rubby Shoes", ["E J-yong"], ANSWER),
    ("who made Reach for the Sky", ["Choi Woo-young", "Steven Dhoedt"], ANSWER),
    ("Who directed Reach for the SKY?", ["Choi Woo-young", "Steven Dhoedt"], ANSWER),
    ("Who directed Okja?", ["Bong Joon Ho"], ANSWER),
    ("who directed mickey 17", ["Bong Joon Ho"], ANSWER),
    ("Who directed The Wailing?", ["Na Hong-jin"], ANSWER),
    ("who directed the wailling", ["Na Hong-jin"], ANSWER),
    ("who directed alone", ["Banjong Pisanthanakun"], ANSWER),
    ("who directed miss granny", ["Hwang Dong-hyuk"], ANSWER),
    ("who directed typhoon", ["Kwak Kyung-taek"], ANSWER),
    ("who directed d-war", ["Shim Hyung-rae"], ANSWER),
    ("who directed d war", ["Shim Hyung-rae"], ANSWER),
    ("who direced yonggary", ["Shim Hyung-rae"], ANSWER),
    ("who directed I am a truck", ["Kim Ki-young"], ANSWER),
    ("who directed a midsummer's fantasia", ["Jang Kun-jae"], ANSWER),
    ("who directed a midsumer fantasia", ["Jang Kun-jae"], ANSWER),
]

PRODUCERS_WRITERS_CREW = [
    ("Who produced The Medium?", ["Na Hong-jin", "Showbox", "GDH 559"], ANSWER),
    ("who was the producer of the last woman of shang", ["Shin Sang-ok"], ANSWER),
    ("who produced mr go", ["Showbox", "Huayi Brothers"], ANSWER),
    ("which studio produced snowpiercer", ["CJ ENM"], ANSWER),
    ("Who wrote The Medium?", ["Na Hong-jin"], ANSWER),
    ("who wrote the screenplay for the medium", ["Na Hong-jin"], ANSWER),
    ("who scripted the medum", ["Na Hong-jin"], ANSWER),
    ("Who shot Asako in Ruby Shoes?", ["Hong Kyung-pyo"], ANSWER),
    ("who was the cinematographer of love with an alien", ["Nishimoto Tadashi"], ANSWER),
    ("who shot parasite", ["Hong Kyung-pyo"], ANSWER),
    ("cinematographer of the wailing", ["Hong Kyung-pyo"], ANSWER),
    ("Who was the director of photography on Asako in Ruby Shoes?", ["Hong Kyung-pyo"], ANSWER),
    ("who was the art director of asako in ruby shoes", ["Yutaka Yokoyama"], ANSWER),
    ("who did the production design of asako in ruby shoes", ["Yutaka Yokoyama"], ANSWER),
]

CAST = [
    ("Who starred in Tyrant?", ["Li Li-hua", "Choi Eun-hee", "Kim Seung-ho", "Kim Jin-gyu"], ANSWER),
    ("who stared in tyrant", ["Li Li-hua"], ANSWER),
    ("who was in mr go", ["Xu Jiao", "Sung Dong-il", "Joe Odagiri"], ANSWER),
    ("who starred in snowpiercer", ["Chris Evans", "Tilda Swinton"], ANSWER),
    ("who plays in asako in ruby shoes", ["Lee Jung-jae", "Misato Tachibana"], ANSWER),
    ("cast of love with an alien", ["Kim Jin-gyu", "Lucilla Yu Ming"], ANSWER),
    ("who played princess miao in tyrant", ["Li Li-hua", "Choi Eun-hee", "Princess Miao"], ANSWER),
    ("who were the actors in the last woman of shang", ["Linda Lin Dai", "Shin Young-kyun"], ANSWER),
    ("Who starred in The Goddess of Mercy?", ["Tyrant", "Li Li-hua"], ANSWER),
    ("who starred in the housemaid", ["Kim Jin-gyu"], ANSWER),
    ("who acted in obaltan", ["Obaltan", "Kim Jin-gyu"], ANSWER),
    ("Is Kim Jin-gyu in Tyrant?", ["Yes", "Kim Jin-gyu", "both versions"], ANSWER),
    ("did choi eun hee act in tyrant", ["Yes", "Princess Miao", "Korean version"], ANSWER),
    ("Did Tilda Swinton star in Okja?", ["No"], ANSWER),
    ("who played woo-in in asako in ruby shoes", ["Lee Jung-jae"], ANSWER),
    ("who played aya in asako in ruby shoes", ["Misato Tachibana"], ANSWER),
    ("did kim star in tyrant", ["Kim Seung-ho", "Kim Jin-gyu"], ANSWER),
]

RELEASE = [
    ("When was The Medium released?", ["2021"], ANSWER),
    ("when did snowpiercer come out", ["2013"], ANSWER),
    ("what year did Mr. Go come out", ["2013"], ANSWER),
    ("When was the last woman of shang released?", ["September 1964"], ANSWER),
    ("release date of tyrant", ["1967"], ANSWER),
    ("when did love with an alien come out", ["1958"], ANSWER),
    ("what year is okja from", ["2017"], ANSWER),
    ("when was mickey 17 released", ["2025"], ANSWER),
    ("Did Snowpiercer come out in 2013?", ["Yes", "2013"], ANSWER),
    ("did okja come out in 2013", ["No", "2017"], ANSWER),
]

COMPANIES_COUNTRIES = [
    ("Which studio co-produced The Medium?", ["GDH 559"], ANSWER),
    ("which thai studio co-produced the medium", ["GDH 559"], ANSWER),
    ("which companies co-produced mr go", ["Showbox", "Huayi Brothers"], ANSWER),
    ("Who co-produced Mr. Go?", ["Showbox", "Huayi Brothers"], ANSWER),
    ("which studio or country co-produced mr go", ["China", "Huayi Brothers"], ANSWER),
    ("which countries co-produced love with an alien", ["South Korea", "Hong Kong"], ANSWER),
    ("Which country co-produced Reach for the SKY?", ["Belgium"], ANSWER),
    ("who financed snowpiercer", ["CJ ENM"], ANSWER),
    ("who distributed snowpiercer", ["CJ ENM"], ANSWER),
    ("which company did the vfx for kung fu yoga", ["Dexter Studios"], ANSWER),
    ("who sponsored i am a truck", ["United States Information Service"], ANSWER),
    ("what countries made 20 once again", ["China", "South Korea", "Taiwan"], ANSWER),
    ("Is Mr. Go a Chinese co-production?", ["Yes", "China"], ANSWER),
    ("did showbox co-produce mr go", ["Yes", "Showbox"], ANSWER),
    ("did cj enm co-produce mr go", ["No", "Showbox"], ANSWER),
    ("did shaw co-produce tyrant", ["Yes", "Shaw Brothers"], ANSWER),
    ("which studios made tyrant", ["Shaw Brothers", "Shin Films"], ANSWER),
]

SOURCES_PLACES_NUMBERS = [
    ("What is Mr. Go based on?", ["The 7th Team", "Huh Young-man", "1984"], ANSWER),
    ("what is snowpiercer based on", ["Le Transperceneige", "French graphic novel"], ANSWER),
    ("is snowpiercer an adaptation", ["Le Transperceneige"], ANSWER),
    ("what is 20 once again a remake of", ["Miss Granny"], ANSWER),
    ("was miss granny remade", ["20 Once Again"], ANSWER),
    ("Where was Snowpiercer shot?", ["Prague"], ANSWER),
    ("where was asako in ruby shoes filmed", ["Japan", "South Korea"], ANSWER),
    ("where is the medium set", ["Northeast Thailand"], ANSWER),
    ("where is asako in ruby shoes set", ["Seoul"], ANSWER),
    ("was snowpiercer shot in prague", ["Yes", "Prague"], ANSWER),
    ("was snowpiercer filmed in japan", ["No", "Prague"], ANSWER),
    ("How many admissions did The Last Woman of Shang get?", ["150,000"], ANSWER),
    ("how many tickets did the medium sell", ["834,338"], ANSWER),
    ("box office of the medium", ["834,338"], ANSWER),
    ("how many people saw the last woman of shang", ["150,000"], ANSWER),
    ("how popular was the medium", ["834,338"], ANSWER),
    ("what was the budget of mr go", ["20 billion", "KRW"], ANSWER),
    ("how much did mr. go cost", ["over 20 billion"], ANSWER),
    (
        "where did the medium premiere",
        ["Bucheon International Fantastic Film Festival", "Best of Bucheon"],
        ANSWER,
    ),
    ("what prize did the medium win", ["Best of Bucheon"], ANSWER),
    ("when was love with an alien rediscovered", ["2012", "Shaw Brothers"], ANSWER),
    ("where was the print of love with an alien found", ["Hong Kong", "Korean Film Archive"], ANSWER),
    ("what genre is the medium", ["horror", "mockumentary"], ANSWER),
    ("what kind of film is reach for the sky", ["documentary"], ANSWER),
    ("Is the medium a horror film?", ["Yes", "horror"], ANSWER),
    ("what language is snowpiercer in", ["English"], ANSWER),
    ("what is tyrant's hong kong title", ["The Goddess of Mercy"], ANSWER),
    ("what is the medium about", ["shaman"], ANSWER),
    ("what's the plot of snowpiercer", ["train"], ANSWER),
]

CARDS = [
    ("tell me about the medium", ["Banjong Pisanthanakun", "Showbox", "834,338"], ANSWER),
    ("Tell me about Snowpiercer", ["Prague", "CJ ENM", "Bong Joon Ho"], ANSWER),
    ("Mr. Go", ["Kim Yong-hwa", "Huayi Brothers"], ANSWER),
    ("tell me about tyrant", ["The Goddess of Mercy", "Shaw Brothers"], ANSWER),
    ("info on reach for the sky", ["Belgium", "Suneung"], ANSWER),
]

PEOPLE = [
    ("Which films did Bong Joon Ho make?", ["Snowpiercer", "Okja", "Mickey 17"], ANSWER),
    ("what films did bong joon-ho direct", ["Snowpiercer", "Okja", "Mickey 17"], ANSWER),
    ("bong joon ho filmography", ["Snowpiercer", "Okja"], ANSWER),
    ("how many films did bong joon ho direct", ["3 films", "Mickey 17"], ANSWER),
    ("which films did hong kyung-pyo shoot", ["Asako in Ruby Shoes", "Parasite", "The Wailing"], ANSWER),
    ("what did kim jin-gyu star in", ["Love with an Alien", "The Housemaid", "Obaltan", "Tyrant"], ANSWER),
    ("which films did Na Hong-jin produce", ["The Medium"], ANSWER),
    ("what did shim hyung rae direct", ["Yonggary", "D-War"], ANSWER),
    ("which films did Bong make", ["Snowpiercer", "Okja"], ANSWER),
    ("what did Banjong direct", ["Alone", "The Medium"], ANSWER),
    ("Lee Jung-jae films", ["Asako in Ruby Shoes"], ANSWER),
    ("films with tilda swinton", ["Snowpiercer"], ANSWER),
    ("who is Banjong Pisanthanakun", ["Thailand", "Alone", "The Medium"], ANSWER),
    ("tell me about banjong pisantanakun", ["Banjong Pisanthanakun", "The Medium"], ANSWER),
    ("who is bong jon ho", ["Bong Joon Ho", "Snowpiercer"], ANSWER),
    ("tell me about Shin Sang-ok", ["Shin Films", "Choi Eun-hee"], ANSWER),
    ("who is sin sang-ok", ["Shin Sang-ok"], ANSWER),
    ("tell me about kim jin-kyu", ["Kim Jin-gyu", "Tyrant"], ANSWER),
    ("who was Shin Sang-ok married to", ["Choi Eun-hee"], ANSWER),
    ("who was choi eun-hee's husband", ["Shin Sang-ok"], ANSWER),
    ("when did linda lin dai die", ["July 1964", "30"], ANSWER),
    ("where is banjong pisanthanakun from", ["Thailand"], ANSWER),
    ("what nationality is joe odagiri", ["Japan"], ANSWER),
    ("who is jason bechervaise", ["Ko-pick article"], ANSWER),
]

ORGANISATIONS = [
    ("Which films did Shaw Brothers co-produce?", ["The Last Woman of Shang", "Tyrant"], ANSWER),
    ("what did showbox produce", ["Mr. Go", "The Medium"], ANSWER),
    ("which films did cj enm make", ["Snowpiercer", "Sweet 20", "The House of No Man"], ANSWER),
    ("what films did dexter studios work on", ["Kung Fu Yoga", "The Monkey King 2"], ANSWER),
    ("who founded shaw brothers", ["Run Run Shaw"], ANSWER),
    ("who founded shaw brothers studio", ["Run Run Shaw"], ANSWER),
    ("who owned shin films", ["Shin Sang-ok"], ANSWER),
    ("what is Showbox", ["studio", "South Korea"], ANSWER),
    ("WHAT IS GDH 559", ["studio", "Thailand"], ANSWER),
    ("where is huayi brothers from", ["China"], ANSWER),
    ("what is KOFA", ["Korean Film Archive"], ANSWER),
    ("what is USIS", ["United States Information Service"], ANSWER),
    ("what is netflix", ["streaming service"], ANSWER),
    ("what is shaw bros", ["Shaw Brothers"], ANSWER),
]

COUNTRIES_PLACES_YEARS = [
    ("which films involved Thailand", ["The Medium"], ANSWER),
    (
        "which films were co-produced with japan",
        ["Asako in Ruby Shoes", "A Midsummer's Fantasia"],
        ANSWER,
    ),
    ("which films involved belgium", ["Reach for the SKY"], ANSWER),
    ("which thai films are there", ["The Medium"], ANSWER),
    ("which films were shot in japan", ["Asako in Ruby Shoes"], ANSWER),
    ("which chinese companies are there", ["Huayi Brothers"], ANSWER),
    ("which japanese directors are there", ["Wakasugi Mitsuo"], ANSWER),
    ("which japanese people are there", ["Nishimoto Tadashi", "Joe Odagiri"], ANSWER),
    ("which studios are from hong kong", ["Shaw Brothers"], ANSWER),
    ("films involving indonesia", ["Sweet 20"], ANSWER),
    ("vietnam films", ["The House of No Man"], ANSWER),
    ("which films were shot in Prague", ["Snowpiercer"], ANSWER),
    ("what was filmed in praque", ["Snowpiercer"], ANSWER),
    ("which films are set in seoul", ["Asako in Ruby Shoes"], ANSWER),
    ("films set in northeast thailand", ["The Medium"], ANSWER),
    ("what is bucheon", ["South Korea", "Bucheon International Fantastic Film Festival"], ANSWER),
    ("which films came out in 2013", ["Mr. Go", "Snowpiercer", "Wedding Invitation"], ANSWER),
    (
        "what films were released in 2014",
        ["Miss Granny", "A Midsummer's Fantasia", "Reach for the SKY"],
        ANSWER,
    ),
    ("films from 1964", ["The Last Woman of Shang"], ANSWER),
    (
        "which films came out in the 1960s",
        ["The Housemaid", "Obaltan", "The Last Woman of Shang", "Tyrant"],
        ANSWER,
    ),
    ("what came out in 2017", ["Okja", "Kung Fu Yoga", "Sweet 20"], ANSWER),
    ("movies of 2021", ["The Medium"], ANSWER),
    ("what happened in 2016", ["The Wailing", "THAAD missile crisis"], ANSWER),
    ("which horror films are there", ["The Wailing", "Alone", "The Medium"], ANSWER),
    ("which documentaries are there", ["I Am a Truck", "Reach for the SKY"], ANSWER),
    ("which horror films came out in 2021", ["The Medium"], ANSWER),
    ("which films did showbox make in 2013", ["Mr. Go"], ANSWER),
]

TERMS_EVENTS_FESTIVALS = [
    ("What is SKY?", ["Seoul National University", "Korea University", "Yonsei University"], ANSWER),
    ("what is sky", ["Seoul National University"], ANSWER),
    ("which universities make up SKY", ["Yonsei University"], ANSWER),
    ("What is the Suneung?", ["university entrance exam", "November"], ANSWER),
    ("when is the suneung", ["November"], ANSWER),
    ("what is the seneung", ["November"], ANSWER),
    ("What is BIFAN?", ["Bucheon International Fantastic Film Festival", "The Medium"], ANSWER),
    ("what is pifan", ["Bucheon International Fantastic Film Festival"], ANSWER),
    ("what was the THAAD crisis", ["2016", "Southeast Asia"], ANSWER),
    ("what was the korean war", ["1950", "I Am a Truck"], ANSWER),
    ("what is a co-production", ["more than one country"], ANSWER),
    ("what is a spirit medium", ["spirits"], ANSWER),
    ("which films are tied to the thaad crisis", ["Sweet 20", "The House of No Man", "The Medium"], ANSWER),
    ("which films premiered at bifan", ["The Medium"], ANSWER),
    ("what is yonsei", ["SKY"], ANSWER),
    ("what is korea university", ["a university", "SKY"], ANSWER),
]

NOT_IN_THE_BASE = [
    ("Who directed Titanic?", ["I don't know"], UNKNOWN),
    ("tell me about Steven Spielberg", ["I don't know"], UNKNOWN),
    ("what is the weather like today", ["I don't know"], UNKNOWN),
    ("xyzzy", ["I don't know"], UNKNOWN),
    ("who wrote snowpiercer", ["I don't know", "Le Transperceneige"], UNKNOWN),
    ("who directed parasite", ["I don't know"], UNKNOWN),
    ("how many admissions did snowpiercer get", ["I don't know"], UNKNOWN),
    ("what is the budget of the medium", ["I don't know"], UNKNOWN),
    ("when did bong joon ho die", ["I don't know"], UNKNOWN),
    ("what is the medium based on", ["I don't know"], UNKNOWN),
    ("where was mr go shot", ["I don't know"], UNKNOWN),
    ("who shot tyrant", ["I don't know"], UNKNOWN),
    ("what is the capital of france", ["I don't know"], UNKNOWN),
    ("who directed it?", ["I don't know"], UNKNOWN),
    ("which films came out in 1990", ["I don't know"], UNKNOWN),
    ("봉준호", ["I don't know"], UNKNOWN),
]

AMBIGUOUS = [
    ("who is kim", ["Kim Jin-gyu", "Kim Ki-young"], CLARIFY),
    ("who is shaw", ["Run Run Shaw", "Shaw Brothers"], CLARIFY),
    ("tell me about brothers", ["Shaw Brothers", "Huayi Brothers"], CLARIFY),
]

ALL = (
    DIRECTORS
    + PRODUCERS_WRITERS_CREW
    + CAST
    + RELEASE
    + COMPANIES_COUNTRIES
    + SOURCES_PLACES_NUMBERS
    + CARDS
    + PEOPLE
    + ORGANISATIONS
    + COUNTRIES_PLACES_YEARS
    + TERMS_EVENTS_FESTIVALS
    + NOT_IN_THE_BASE
    + AMBIGUOUS
)
