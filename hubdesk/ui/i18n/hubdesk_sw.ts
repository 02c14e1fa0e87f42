<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw">
<context>
    <name>AddPackDialog</name>
    <message>
        <source>Add course pack</source>
        <translation>Ongeza kozi</translation>
    </message>
    <message>
        <source>Choose a course pack on a USB stick, or a pack file on this computer.</source>
        <translation>Chagua kozi kwenye USB, au faili la kozi kwenye kompyuta hii.</translation>
    </message>
    <message>
        <source>Course packs found on USB sticks</source>
        <translation>Kozi zilizopatikana kwenye USB</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Tafuta tena</translation>
    </message>
    <message>
        <source>Install the chosen pack</source>
        <translation>Sakinisha kozi iliyochaguliwa</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Chagua faili…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>On USB sticks:</source>
        <translation>Kwenye USB:</translation>
    </message>
    <message>
        <source>No USB stick with a HUBDESK/packs folder was found.</source>
        <translation>Hakuna USB yenye folda ya HUBDESK/packs iliyopatikana.</translation>
    </message>
    <message>
        <source>Choose a course pack</source>
        <translation>Chagua kozi</translation>
    </message>
    <message>
        <source>Course packs (*.hubpack *.zip)</source>
        <translation>Kozi (*.hubpack *.zip)</translation>
    </message>
    <message>
        <source>Checking and copying %1…</source>
        <translation>Inakagua na kunakili %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Inaghairi…</translation>
    </message>
    <message>
        <source>“%1” version %2 is installed.</source>
        <translation>“%1” toleo %2 limesakinishwa.</translation>
    </message>
    <message>
        <source>“%1” version %2 was already installed.</source>
        <translation>“%1” toleo %2 lilikuwa tayari limesakinishwa.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Imeghairiwa. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>This pack could not be installed: %1</source>
        <translation>Kozi hii haikuweza kusakinishwa: %1</translation>
    </message>
</context>
<context>
    <name>CentrePCsDialog</name>
    <message>
        <source>This centre&apos;s computers</source>
        <translation>Kompyuta za kituo hiki</translation>
    </message>
    <message>
        <source>The centre&apos;s computers</source>
        <translation>Kompyuta za kituo</translation>
    </message>
    <message>
        <source>Let another computer join</source>
        <translation>Ruhusu kompyuta nyingine ijiunge</translation>
    </message>
    <message>
        <source>Set up the centre</source>
        <translation>Weka kituo</translation>
    </message>
    <message>
        <source>Retire the chosen computer</source>
        <translation>Staafisha kompyuta iliyochaguliwa</translation>
    </message>
    <message>
        <source>For a lost or stolen computer: it receives nothing new</source>
        <translation>Kwa kompyuta iliyopotea au kuibiwa: haipokei chochote kipya</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Msimbo wa kujiunga</translation>
    </message>
    <message>
        <source>This computer is not part of a centre yet.</source>
        <translation>Kompyuta hii bado si sehemu ya kituo.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>kompyuta hii</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>imestaafishwa</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>ilionekana mwisho %1</translation>
    </message>
    <message>
        <source>not seen yet</source>
        <translation>bado haijaonekana</translation>
    </message>
    <message>
        <source>On the new computer choose “Join this centre&apos;s computers” and type this code:</source>
        <translation>Kwenye kompyuta mpya chagua “Jiunga na kompyuta za kituo hiki” na uandike msimbo huu:</translation>
    </message>
    <message>
        <source>It works once, for 15 minutes, while HubDesk stays open here.</source>
        <translation>Unafanya kazi mara moja, kwa dakika 15, HubDesk ikibaki wazi hapa.</translation>
    </message>
    <message>
        <source>Retire this computer? The centre&apos;s computers will send it nothing new. Do this for a lost or stolen computer.</source>
        <translation>Kustaafisha kompyuta hii? Kompyuta za kituo hazitaitumia chochote kipya. Fanya hivi kwa kompyuta iliyopotea au kuibiwa.</translation>
    </message>
    <message>
        <source>Retired. It keeps what it already held: ask the learners who used it to choose a new PIN or new pictures.</source>
        <translation>Imestaafishwa. Inabaki na ilichokuwa nacho: waombe wanafunzi walioitumia kuchagua PIN mpya au picha mpya.</translation>
    </message>
</context>
<context>
    <name>CentreSetupDialog</name>
    <message>
        <source>This computer and its centre</source>
        <translation>Kompyuta hii na kituo chake</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Inafanya kazi</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Rudi</translation>
    </message>
    <message>
        <source>Create the centre</source>
        <translation>Unda kituo</translation>
    </message>
    <message>
        <source>A centre is all the computers learners share in one place. Learners can then sign in on any of them and find their work there.</source>
        <translation>Kituo ni kompyuta zote ambazo wanafunzi wanashiriki mahali pamoja. Wanafunzi wanaweza kuingia kwenye yoyote na kupata kazi yao hapo.</translation>
    </message>
    <message>
        <source>New centre: this is its first computer</source>
        <translation>Kituo kipya: hii ni kompyuta yake ya kwanza</translation>
    </message>
    <message>
        <source>Join this centre&apos;s computers</source>
        <translation>Jiunge na kompyuta za kituo hiki</translation>
    </message>
    <message>
        <source>Just this computer for now</source>
        <translation>Kompyuta hii tu kwa sasa</translation>
    </message>
    <message>
        <source>Name of the centre</source>
        <translation>Jina la kituo</translation>
    </message>
    <message>
        <source>e.g. Kibera Youth Centre</source>
        <translation>mf. Kituo cha Vijana Kibera</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Mahali</translation>
    </message>
    <message>
        <source>e.g. Nairobi</source>
        <translation>mf. Nairobi</translation>
    </message>
    <message>
        <source>Name of the centre:</source>
        <translation>Jina la kituo:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Mahali:</translation>
    </message>
    <message>
        <source>On a computer of the centre, a facilitator opens Facilitator, then “This centre&apos;s computers”, and reads you a code.</source>
        <translation>Kwenye kompyuta ya kituo, mwezeshaji anafungua Mwezeshaji, kisha “Kompyuta za kituo hiki”, na anakusomea msimbo.</translation>
    </message>
    <message>
        <source>Computers found on this network</source>
        <translation>Kompyuta zilizopatikana kwenye mtandao huu</translation>
    </message>
    <message>
        <source>Computers found on this network:</source>
        <translation>Kompyuta zilizopatikana kwenye mtandao huu:</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Msimbo wa kujiunga</translation>
    </message>
    <message>
        <source>Its address, if it is not in the list</source>
        <translation>Anwani yake, kama haipo kwenye orodha</translation>
    </message>
    <message>
        <source>Join code:</source>
        <translation>Msimbo wa kujiunga:</translation>
    </message>
    <message>
        <source>Or its address:</source>
        <translation>Au anwani yake:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Jiunge</translation>
    </message>
    <message>
        <source>No other HubDesk computer answered on this network. Type its address below, or check that HubDesk runs on a computer of the centre.</source>
        <translation>Hakuna kompyuta nyingine ya HubDesk iliyojibu kwenye mtandao huu. Andika anwani yake hapa chini, au hakikisha HubDesk inafanya kazi kwenye kompyuta ya kituo.</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Hilo halikufanya kazi: %1</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>My learners</source>
        <translation>Wanafunzi wangu</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kozi</translation>
    </message>
    <message>
        <source>Study group</source>
        <translation>Kikundi cha kujifunza</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kipindi</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Wakati wote</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Siku %n iliyopita</numerusform>
            <numerusform>Siku %n zilizopita</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Hifadhi kama CSV…</translation>
    </message>
    <message>
        <source>Every course, every learner, every lesson: for a spreadsheet</source>
        <translation>Kila kozi, kila mwanafunzi, kila somo: kwa lahajedwali</translation>
    </message>
    <message>
        <source>Monthly report (PDF)…</source>
        <translation>Ripoti ya mwezi (PDF)…</translation>
    </message>
    <message>
        <source>✓ done · • started · ★ quiz mastered · ½ quiz practised. Double-click a learner to see their days.</source>
        <translation>✓ imekamilika · • ameanza · ★ jaribio limemudu · ½ jaribio limezoezwa. Bofya mara mbili mwanafunzi kuona siku zake.</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Mwanafunzi</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Maendeleo</translation>
    </message>
    <message>
        <source>Needs help</source>
        <translation>Anahitaji msaada</translation>
    </message>
    <message>
        <source>Hardest questions</source>
        <translation>Maswali magumu zaidi</translation>
    </message>
    <message>
        <source>One learner</source>
        <translation>Mwanafunzi mmoja</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Ya kukagua</translation>
    </message>
    <message>
        <source>Every learner</source>
        <translation>Kila mwanafunzi</translation>
    </message>
    <message>
        <source>Study group: %1</source>
        <translation>Kikundi cha kujifunza: %1</translation>
    </message>
    <message>
        <source>No course is installed yet: add a course pack first.</source>
        <translation>Bado hakuna kozi iliyosakinishwa: ongeza kozi kwanza.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Inahesabu…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 learners have started.</source>
        <translation>%1: wanafunzi %2 kati ya %3 wameanza.</translation>
    </message>
    <message>
        <source>Nobody needs help by these rules today.</source>
        <translation>Hakuna anayehitaji msaada kwa kanuni hizi leo.</translation>
    </message>
    <message>
        <source>Needs help (%1)</source>
        <translation>Anahitaji msaada (%1)</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Ripoti haikuweza kutengenezwa: %1</translation>
    </message>
    <message>
        <source>To review (%1)</source>
        <translation>Ya kukagua (%1)</translation>
    </message>
    <message>
        <source>%1 has done nothing yet in this period.</source>
        <translation>%1 bado hajafanya chochote katika kipindi hiki.</translation>
    </message>
    <message>
        <source>finished “%1”</source>
        <translation>amemaliza “%1”</translation>
    </message>
    <message>
        <source>worked on “%1”</source>
        <translation>alifanya kazi kwenye “%1”</translation>
    </message>
    <message>
        <source>%1 of %2 answers right</source>
        <translation>majibu %1 kati ya %2 sahihi</translation>
    </message>
    <message>
        <source>Save the progress as CSV</source>
        <translation>Hifadhi maendeleo kama CSV</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Inahifadhi…</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Hifadhi ripoti ya mwezi</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Inatengeneza ripoti…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Imehifadhiwa kwenye %1.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Hakuna kilichohifadhiwa: %1</translation>
    </message>
</context>
<context>
    <name>ContributionEditor</name>
    <message>
        <source>Add to this lesson</source>
        <translation>Ongeza kwenye somo hili</translation>
    </message>
    <message>
        <source>Add to “%1”: your tip, an example from your life, a question, a translation.</source>
        <translation>Ongeza kwenye “%1”: dokezo lako, mfano kutoka maisha yako, swali, tafsiri.</translation>
    </message>
    <message>
        <source>Write a new short lesson.</source>
        <translation>Andika somo fupi jipya.</translation>
    </message>
    <message>
        <source>What you add</source>
        <translation>Unachoongeza</translation>
    </message>
    <message>
        <source>A tip or explanation</source>
        <translation>Dokezo au maelezo</translation>
    </message>
    <message>
        <source>An example from where you live</source>
        <translation>Mfano kutoka unapoishi</translation>
    </message>
    <message>
        <source>A new quiz question</source>
        <translation>Swali jipya la jaribio</translation>
    </message>
    <message>
        <source>A translation of this lesson</source>
        <translation>Tafsiri ya somo hili</translation>
    </message>
    <message>
        <source>A new short lesson</source>
        <translation>Somo fupi jipya</translation>
    </message>
    <message>
        <source>A title (optional for a tip or example)</source>
        <translation>Kichwa (si lazima kwa dokezo au mfano)</translation>
    </message>
    <message>
        <source>Write here. *stars* make italics, **two** make bold.</source>
        <translation>Andika hapa. *nyota* hufanya herufi za mlalo, **mbili** hufanya herufi nzito.</translation>
    </message>
    <message>
        <source>Add a picture…</source>
        <translation>Ongeza picha…</translation>
    </message>
    <message>
        <source>A PNG or JPEG, at most 200 KB</source>
        <translation>PNG au JPEG, isiyozidi KB 200</translation>
    </message>
    <message>
        <source>One right choice</source>
        <translation>Chaguo moja sahihi</translation>
    </message>
    <message>
        <source>Several right choices</source>
        <translation>Machaguo kadhaa sahihi</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>Namba</translation>
    </message>
    <message>
        <source>A word</source>
        <translation>Neno</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>Swali</translation>
    </message>
    <message>
        <source>The choices, one per line</source>
        <translation>Machaguo, moja kwa kila mstari</translation>
    </message>
    <message>
        <source>The right answer (for choices: their numbers, like 2 or 1,3)</source>
        <translation>Jibu sahihi (kwa machaguo: namba zake, kama 2 au 1,3)</translation>
    </message>
    <message>
        <source>Language code, like sw for Kiswahili</source>
        <translation>Msimbo wa lugha, kama sw kwa Kiswahili</translation>
    </message>
    <message>
        <source>The lesson</source>
        <translation>Somo</translation>
    </message>
    <message>
        <source>Your translation</source>
        <translation>Tafsiri yako</translation>
    </message>
    <message>
        <source>Show my name with it</source>
        <translation>Onyesha jina langu pamoja nalo</translation>
    </message>
    <message>
        <source>I agree to share it under this licence</source>
        <translation>Ninakubali kulishiriki chini ya leseni hii</translation>
    </message>
    <message>
        <source>Send to the facilitator</source>
        <translation>Tuma kwa mwezeshaji</translation>
    </message>
    <message>
        <source>Keep as a draft</source>
        <translation>Hifadhi kama rasimu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>a learner at %1</source>
        <translation>mwanafunzi wa %1</translation>
    </message>
    <message>
        <source>It will be shared under the %1 licence, credited to %2: everyone may use and change it, if they say who made it and share what they make the same way.</source>
        <translation>Litashirikiwa chini ya leseni %1, likimtaja %2: kila mtu anaweza kulitumia na kulibadilisha, akitaja aliyelitengeneza na kushiriki anachotengeneza kwa njia ileile.</translation>
    </message>
    <message>
        <source>The facilitator asks: %1</source>
        <translation>Mwezeshaji anaomba: %1</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Chagua picha</translation>
    </message>
    <message>
        <source>That picture cannot be read: %1</source>
        <translation>Picha hiyo haiwezi kusomwa: %1</translation>
    </message>
    <message>
        <source>Tick “I agree” to share it under the licence, or keep it as a draft.</source>
        <translation>Weka alama kwenye “Ninakubali” kulishiriki chini ya leseni, au lihifadhi kama rasimu.</translation>
    </message>
</context>
<context>
    <name>ContributionWords</name>
    <message>
        <source>Draft: not sent yet</source>
        <translation>Rasimu: bado halijatumwa</translation>
    </message>
    <message>
        <source>Sent: waiting for the facilitator</source>
        <translation>Limetumwa: linasubiri mwezeshaji</translation>
    </message>
    <message>
        <source>Changes asked: %1</source>
        <translation>Mabadiliko yameombwa: %1</translation>
    </message>
    <message>
        <source>Approved: every learner of the centre can read it</source>
        <translation>Limekubaliwa: kila mwanafunzi wa kituo anaweza kulisoma</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>Limekataliwa: %1</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Limeondolewa</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Dokezo</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Mfano</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Swali</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Tafsiri</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Somo jipya</translation>
    </message>
    <message>
        <source>By %1, for “%2”.</source>
        <translation>Na %1, kwa “%2”.</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Jibu: %1</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Lugha: %1</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <source>Learner</source>
        <translation>Mwanafunzi</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Imekamilika</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Muda</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Alionekana mara ya mwisho</translation>
    </message>
    <message>
        <source>never</source>
        <translation>kamwe</translation>
    </message>
    <message>
        <source>done</source>
        <translation>imekamilika</translation>
    </message>
    <message>
        <source>started</source>
        <translation>ameanza</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>hajaanza</translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message>
        <source>My study groups</source>
        <translation>Vikundi vyangu vya kujifunza</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Jina la kikundi</translation>
    </message>
    <message>
        <source>Name of a new group</source>
        <translation>Jina la kikundi kipya</translation>
    </message>
    <message>
        <source>Start a group</source>
        <translation>Anzisha kikundi</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Msimbo wa kikundi</translation>
    </message>
    <message>
        <source>The code the group&apos;s starter reads out, like KTM4Q-9QPZX</source>
        <translation>Msimbo anaousoma aliyeanzisha kikundi, kama KTM4Q-9QPZX</translation>
    </message>
    <message>
        <source>Address of a member&apos;s computer</source>
        <translation>Anwani ya kompyuta ya mwanachama</translation>
    </message>
    <message>
        <source>Group not found nearby? Ask a member for their computer&apos;s address:</source>
        <translation>Kikundi hakijapatikana karibu? Muulize mwanachama anwani ya kompyuta yake:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Jiunge</translation>
    </message>
    <message>
        <source>HubDesks nearby</source>
        <translation>HubDesk zilizo karibu</translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation>Daftari la pamoja</translation>
    </message>
    <message>
        <source>Write here together. Everyone in the group sees it.</source>
        <translation>Andikeni hapa pamoja. Kila mtu kwenye kikundi anaona.</translation>
    </message>
    <message>
        <source>Online now</source>
        <translation>Mtandaoni sasa</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Wanachama</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Ondoa mwanachama</translation>
    </message>
    <message>
        <source>Only the person who started the group can remove a member.</source>
        <translation>Aliyeanzisha kikundi pekee ndiye anaweza kuondoa mwanachama.</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Ondoka</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>Maswali na majibu</translation>
    </message>
    <message>
        <source>Ask or answer</source>
        <translation>Uliza au jibu</translation>
    </message>
    <message>
        <source>Ask the group, or answer the chosen question</source>
        <translation>Uliza kikundi, au jibu swali lililochaguliwa</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Uliza</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Jibu</translation>
    </message>
    <message>
        <source>Give the group a name first.</source>
        <translation>Kwanza kipe kikundi jina.</translation>
    </message>
    <message>
        <source>Read this code aloud to the others: {code}</source>
        <translation>Wasomee wengine msimbo huu kwa sauti: {code}</translation>
    </message>
    <message>
        <source>Type the join code you were given.</source>
        <translation>Andika msimbo uliopewa.</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Inajiunga…</translation>
    </message>
    <message>
        <source>You joined the group.</source>
        <translation>Umejiunga na kikundi.</translation>
    </message>
    <message>
        <source>That did not work. Please try again.</source>
        <translation>Hilo halikufanya kazi. Tafadhali jaribu tena.</translation>
    </message>
    <message>
        <source>Join code: {code}</source>
        <translation>Msimbo wa kikundi: {code}</translation>
    </message>
    <message>
        <source>{name} (started the group)</source>
        <translation>{name} (alianzisha kikundi)</translation>
    </message>
    <message>
        <source>Choose the member to remove, then press Remove member.</source>
        <translation>Chagua mwanachama wa kuondoa, kisha bonyeza Ondoa mwanachama.</translation>
    </message>
    <message>
        <source>Removed. The old join code no longer works; newcomers join with %1.</source>
        <translation>Ameondolewa. Msimbo wa zamani haufanyi kazi tena; wapya wanajiunga kwa %1.</translation>
    </message>
    <message>
        <source>You left the group. Its notes stay on this PC.</source>
        <translation>Umeondoka kwenye kikundi. Madaftari yake yanabaki kwenye kompyuta hii.</translation>
    </message>
    <message>
        <source>{name} asks: {text}</source>
        <translation>{name} anauliza: {text}</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name}: {text}</translation>
    </message>
    <message>
        <source>Choose a question, write your answer, then press Answer.</source>
        <translation>Chagua swali, andika jibu lako, kisha bonyeza Jibu.</translation>
    </message>
</context>
<context>
    <name>LearnerDialog</name>
    <message>
        <source>pictures</source>
        <translation>picha</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>password</source>
        <translation>nenosiri</translation>
    </message>
    <message>
        <source>Add a learner</source>
        <translation>Ongeza mwanafunzi</translation>
    </message>
    <message>
        <source>How %1 signs in</source>
        <translation>Jinsi %1 anavyoingia</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Mwanafunzi</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Mwezeshaji</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Jina:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Nafasi:</translation>
    </message>
    <message>
        <source>Just tap the name (no secret)</source>
        <translation>Gusa jina tu (bila siri)</translation>
    </message>
    <message>
        <source>Three pictures</source>
        <translation>Picha tatu</translation>
    </message>
    <message>
        <source>A PIN (4 to 6 digits)</source>
        <translation>PIN (tarakimu 4 hadi 6)</translation>
    </message>
    <message>
        <source>A password (for facilitators)</source>
        <translation>Nenosiri (kwa wawezeshaji)</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Ingia kwa:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Nenosiri</translation>
    </message>
    <message>
        <source>At least 6 characters</source>
        <translation>Angalau herufi 6</translation>
    </message>
    <message>
        <source>Welcome! Add yourself as the facilitator of this computer, with a password.</source>
        <translation>Karibu! Jiongeze kama mwezeshaji wa kompyuta hii, kwa nenosiri.</translation>
    </message>
    <message>
        <source>A facilitator signs in with a password: facilitator tasks must stay protected.</source>
        <translation>Mwezeshaji huingia kwa nenosiri: kazi za mwezeshaji lazima zilindwe.</translation>
    </message>
    <message>
        <source>Let %1 sign in by just tapping the name? Anyone could then open their work.</source>
        <translation>Kumruhusu %1 aingie kwa kugusa jina tu? Mtu yeyote angeweza kufungua kazi yake.</translation>
    </message>
    <message>
        <source>%1 signs in by tapping their name.</source>
        <translation>%1 huingia kwa kugusa jina lake.</translation>
    </message>
    <message>
        <source>%1 signs in with three pictures.</source>
        <translation>%1 huingia kwa picha tatu.</translation>
    </message>
    <message>
        <source>%1 signs in with a PIN.</source>
        <translation>%1 huingia kwa PIN.</translation>
    </message>
    <message>
        <source>%1 signs in with a password.</source>
        <translation>%1 huingia kwa nenosiri.</translation>
    </message>
</context>
<context>
    <name>LearnerShell</name>
    <message>
        <source>My courses</source>
        <translation>Kozi zangu</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>Maendeleo yangu</translation>
    </message>
    <message>
        <source>Search lessons and notes</source>
        <translation>Tafuta masomo na madaftari</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tafuta</translation>
    </message>
    <message>
        <source>Study group</source>
        <translation>Kikundi cha kujifunza</translation>
    </message>
    <message>
        <source>Learn with others on this network: a shared note and questions</source>
        <translation>Jifunze na wengine kwenye mtandao huu: daftari la pamoja na maswali</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Mwezeshaji</translation>
    </message>
    <message>
        <source>Learners, course packs and sync</source>
        <translation>Wanafunzi, kozi na usawazishaji</translation>
    </message>
    <message>
        <source>Settings: text size, contrast, language</source>
        <translation>Mipangilio: ukubwa wa maandishi, utofautishaji, lugha</translation>
    </message>
    <message>
        <source>Switch learner</source>
        <translation>Badilisha mtu</translation>
    </message>
    <message>
        <source>Sign out so someone else can use this computer</source>
        <translation>Toka ili mtu mwingine atumie kompyuta hii</translation>
    </message>
    <message>
        <source>That course is not on this computer any more.</source>
        <translation>Kozi hiyo haipo tena kwenye kompyuta hii.</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Hello, %1!</source>
        <translation>Habari, %1!</translation>
    </message>
    <message>
        <source>Your courses</source>
        <translation>Kozi zako</translation>
    </message>
    <message>
        <source>Show courses in</source>
        <translation>Onyesha kozi kwa</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Lugha:</translation>
    </message>
    <message>
        <source>There are no courses on this computer yet. Ask a facilitator to add one.</source>
        <translation>Bado hakuna kozi kwenye kompyuta hii. Mwombe mwezeshaji aongeze moja.</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Lugha zote</translation>
    </message>
    <message>
        <source>Continue where you left off:
%1</source>
        <translation>Endelea ulipoishia:
%1</translation>
    </message>
    <message>
        <source>Start your first lesson:
%1</source>
        <translation>Anza somo lako la kwanza:
%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HubDesk</source>
        <translation>HubDesk</translation>
    </message>
    <message>
        <source>The computer %1 joined this centre.</source>
        <translation>Kompyuta %1 imejiunga na kituo hiki.</translation>
    </message>
    <message>
        <source>You were signed out because nobody used HubDesk for a while. Your note was kept.</source>
        <translation>Umetolewa kwa sababu hakuna aliyetumia HubDesk kwa muda. Daftari lako limehifadhiwa.</translation>
    </message>
    <message>
        <source>You were signed out because nobody used HubDesk for a while.</source>
        <translation>Umetolewa kwa sababu hakuna aliyetumia HubDesk kwa muda.</translation>
    </message>
    <message>
        <source>This computer joined %1.</source>
        <translation>Kompyuta hii imejiunga na %1.</translation>
    </message>
    <message>
        <source>Something went wrong. It was noted in the log.</source>
        <translation>Kuna tatizo. Limeandikwa kwenye kumbukumbu.</translation>
    </message>
</context>
<context>
    <name>ManagePage</name>
    <message>
        <source>Facilitator</source>
        <translation>Mwezeshaji</translation>
    </message>
    <message>
        <source>Add course pack</source>
        <translation>Ongeza kozi</translation>
    </message>
    <message>
        <source>My learners: progress and reports</source>
        <translation>Wanafunzi wangu: maendeleo na ripoti</translation>
    </message>
    <message>
        <source>Progress of every learner, who needs help, the hardest questions</source>
        <translation>Maendeleo ya kila mwanafunzi, anayehitaji msaada, maswali magumu zaidi</translation>
    </message>
    <message>
        <source>Course packs from a USB stick or a file:</source>
        <translation>Kozi kutoka USB au faili:</translation>
    </message>
    <message>
        <source>Settings of this computer</source>
        <translation>Mipangilio ya kompyuta hii</translation>
    </message>
    <message>
        <source>Language and the time before an unused session is closed</source>
        <translation>Lugha na muda kabla kipindi kisichotumika kufungwa</translation>
    </message>
    <message>
        <source>This centre&apos;s computers</source>
        <translation>Kompyuta za kituo hiki</translation>
    </message>
    <message>
        <source>The computers of this centre, a code for a new one, a lost one</source>
        <translation>Kompyuta za kituo hiki, msimbo kwa mpya, iliyopotea</translation>
    </message>
    <message>
        <source>Learners of this centre</source>
        <translation>Wanafunzi wa kituo hiki</translation>
    </message>
    <message>
        <source>Add a learner</source>
        <translation>Ongeza mwanafunzi</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Badilisha jina</translation>
    </message>
    <message>
        <source>Reset PIN or pictures</source>
        <translation>Badilisha PIN au picha</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ondoa</translation>
    </message>
    <message>
        <source>no secret</source>
        <translation>bila siri</translation>
    </message>
    <message>
        <source>facilitator</source>
        <translation>mwezeshaji</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>mwanafunzi</translation>
    </message>
    <message>
        <source>Course updates waiting at the hub (they come with the next USB stick or sync): %1</source>
        <translation>Masasisho ya kozi yanayosubiri kwenye kitovu (yanakuja na USB au usawazishaji unaofuata): %1</translation>
    </message>
    <message numerus="yes">
        <source>The clock of PC %1 is %n day(s) ahead.</source>
        <translation>
            <numerusform>Saa ya kompyuta %1 iko mbele kwa siku %n.</numerusform>
            <numerusform>Saa ya kompyuta %1 iko mbele kwa siku %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The clock of PC %1 is %n hour(s) ahead.</source>
        <translation>
            <numerusform>Saa ya kompyuta %1 iko mbele kwa saa %n.</numerusform>
            <numerusform>Saa ya kompyuta %1 iko mbele kwa saa %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set its date and time right: until then its changes win over newer ones.</source>
        <translation>Rekebisha tarehe na saa yake: hadi hapo mabadiliko yake yanashinda yaliyo mapya zaidi.</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Jina jipya:</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? Their progress stays in the records.</source>
        <translation>Kumwondoa %1 kwenye kompyuta hii? Maendeleo yake yanabaki kwenye kumbukumbu.</translation>
    </message>
</context>
<context>
    <name>MonthlyReportPdf</name>
    <message>
        <source>Monthly report: %1</source>
        <translation>Ripoti ya mwezi: %1</translation>
    </message>
    <message>
        <source>learners in the centre</source>
        <translation>wanafunzi kituoni</translation>
    </message>
    <message>
        <source>came this month</source>
        <translation>walikuja mwezi huu</translation>
    </message>
    <message>
        <source>lessons finished this month</source>
        <translation>masomo yaliyokamilika mwezi huu</translation>
    </message>
    <message>
        <source>spent learning this month</source>
        <translation>zilizotumika kujifunza mwezi huu</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Kozi</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kozi</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Ameanza</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>Alikuja</translation>
    </message>
    <message>
        <source>Lessons finished</source>
        <translation>Masomo yaliyokamilika</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Muda</translation>
    </message>
    <message>
        <source>Average progress</source>
        <translation>Maendeleo ya wastani</translation>
    </message>
    <message>
        <source>No course is installed yet.</source>
        <translation>Bado hakuna kozi iliyosakinishwa.</translation>
    </message>
    <message>
        <source>Who needs a visit</source>
        <translation>Nani anahitaji kutembelewa</translation>
    </message>
    <message>
        <source>Nobody needs help by these rules today.</source>
        <translation>Hakuna anayehitaji msaada kwa kanuni hizi leo.</translation>
    </message>
    <message>
        <source>Hardest questions</source>
        <translation>Maswali magumu zaidi</translation>
    </message>
    <message>
        <source>%1% right the first time (%2 of %3 learners)</source>
        <translation>%1% sahihi mara ya kwanza (wanafunzi %2 kati ya %3)</translation>
    </message>
    <message>
        <source>“%1” (%2): %3</source>
        <translation>“%1” (%2): %3</translation>
    </message>
    <message>
        <source>Too few answers yet to say which questions are hard.</source>
        <translation>Bado majibu ni machache mno kusema maswali gani ni magumu.</translation>
    </message>
    <message>
        <source>Made by HubDesk on %1, from the activity of every computer of the centre.</source>
        <translation>Imetengenezwa na HubDesk tarehe %1, kutoka shughuli za kila kompyuta ya kituo.</translation>
    </message>
</context>
<context>
    <name>MyContributionsDialog</name>
    <message>
        <source>My contributions</source>
        <translation>Michango yangu</translation>
    </message>
    <message>
        <source>Change and send again</source>
        <translation>Badilisha na utume tena</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Ondoa</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>Nothing yet. In a lesson, tap “Add to this lesson”.</source>
        <translation>Bado hakuna. Kwenye somo, gusa “Ongeza kwenye somo hili”.</translation>
    </message>
</context>
<context>
    <name>NameButton</name>
    <message>
        <source>Signed in as %1</source>
        <translation>Umeingia kama %1</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>My notes</source>
        <translation>Madaftari yangu</translation>
    </message>
    <message>
        <source>Only you can see these notes.</source>
        <translation>Wewe pekee unaweza kuona madaftari haya.</translation>
    </message>
    <message>
        <source>Write what you want to remember…</source>
        <translation>Andika unachotaka kukumbuka…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Inaandika…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Imehifadhiwa</translation>
    </message>
</context>
<context>
    <name>PackCard</name>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · toleo %2</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Maendeleo</translation>
    </message>
    <message>
        <source>%1 of %2 lessons finished</source>
        <translation>masomo %1 kati ya %2 yamekamilika</translation>
    </message>
    <message numerus="yes">
        <source>%n quiz(zes) mastered</source>
        <translation>
            <numerusform>jaribio %n limemudu</numerusform>
            <numerusform>majaribio %n yamemudu</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Fungua</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Fungua %1</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <source>← My courses</source>
        <translation>← Kozi zangu</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Masomo</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>amemaliza</translation>
    </message>
    <message>
        <source>quiz mastered</source>
        <translation>jaribio limemudu</translation>
    </message>
    <message>
        <source>%1 of %2 lessons finished</source>
        <translation>masomo %1 kati ya %2 yamekamilika</translation>
    </message>
</context>
<context>
    <name>PasswordEntry</name>
    <message>
        <source>Password</source>
        <translation>Nenosiri</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Ingia</translation>
    </message>
</context>
<context>
    <name>PicturePad</name>
    <message>
        <source>Picture %1 of 3</source>
        <translation>Picha %1 kati ya 3</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Futa</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>sun</source>
        <translation>jua</translation>
    </message>
    <message>
        <source>house</source>
        <translation>nyumba</translation>
    </message>
    <message>
        <source>tree</source>
        <translation>mti</translation>
    </message>
    <message>
        <source>fish</source>
        <translation>samaki</translation>
    </message>
    <message>
        <source>star</source>
        <translation>nyota</translation>
    </message>
    <message>
        <source>heart</source>
        <translation>moyo</translation>
    </message>
    <message>
        <source>moon</source>
        <translation>mwezi</translation>
    </message>
    <message>
        <source>flower</source>
        <translation>ua</translation>
    </message>
    <message>
        <source>boat</source>
        <translation>mashua</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Erase</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Sawa</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>My progress</source>
        <translation>Maendeleo yangu</translation>
    </message>
    <message>
        <source>My contributions</source>
        <translation>Michango yangu</translation>
    </message>
    <message>
        <source>What you added to lessons, and what the facilitator said</source>
        <translation>Ulichoongeza kwenye masomo, na alichosema mwezeshaji</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>bado hakuna</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>chini ya dakika moja</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>dakika %n</numerusform>
            <numerusform>dakika %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>saa %n</numerusform>
            <numerusform>saa %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Lessons finished: %1 of %2</source>
        <translation>Masomo yaliyokamilika: %1 kati ya %2</translation>
    </message>
    <message>
        <source>Quizzes mastered: %1 of %2</source>
        <translation>Majaribio yaliyomudu: %1 kati ya %2</translation>
    </message>
    <message>
        <source>Time spent: %1</source>
        <translation>Muda uliotumika: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s) finished</source>
        <translation>
            <numerusform>somo %n limekamilika</numerusform>
            <numerusform>masomo %n yamekamilika</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>Right first time</source>
        <translation>Sahihi mara ya kwanza</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Swali</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Somo</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Wanafunzi</translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>← Back to the lesson</source>
        <translation>← Rudi kwenye somo</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>Angalia jibu langu</translation>
    </message>
    <message>
        <source>Practise again</source>
        <translation>Jizoeze tena</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Jaribu tena</translation>
    </message>
    <message>
        <source>Next question →</source>
        <translation>Swali linalofuata →</translation>
    </message>
    <message>
        <source>Quiz: %1</source>
        <translation>Jaribio: %1</translation>
    </message>
    <message>
        <source>To master this quiz: %1 right answers out of the last %2.</source>
        <translation>Kumudu jaribio hili: majibu %1 sahihi kati ya %2 ya mwisho.</translation>
    </message>
    <message>
        <source>Well done! You have mastered this quiz. You can keep practising.</source>
        <translation>Hongera! Umemudu jaribio hili. Unaweza kuendelea kujizoeza.</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Swali %1 kati ya %2</translation>
    </message>
    <message>
        <source>Choose every right answer.</source>
        <translation>Chagua kila jibu sahihi.</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Andika namba</translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation>Andika jibu lako</translation>
    </message>
    <message>
        <source>Please type a number with digits, like 12 or 3,5.</source>
        <translation>Tafadhali andika namba kwa tarakimu, kama 12 au 3,5.</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>Sahihi!</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>Bado si sahihi.</translation>
    </message>
    <message>
        <source>Quiz finished</source>
        <translation>Jaribio limekwisha</translation>
    </message>
    <message>
        <source>You answered %1 of %2 questions right the first time.</source>
        <translation>Ulijibu sahihi maswali %1 kati ya %2 mara ya kwanza.</translation>
    </message>
    <message>
        <source>Practise again to master it, or go back to the lesson.</source>
        <translation>Jizoeze tena ili ulimudu, au rudi kwenye somo.</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Read aloud</source>
        <translation>Soma kwa sauti</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Acha</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Acha kusoma</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>Kasi ya kusoma</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>Polepole</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Kawaida</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Haraka</translation>
    </message>
    <message>
        <source>Reading aloud needs the espeak-ng program, which is not installed on this computer.</source>
        <translation>Kusoma kwa sauti kunahitaji programu ya espeak-ng, ambayo haijasakinishwa kwenye kompyuta hii.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Simamisha</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Endelea</translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <source>← Lessons</source>
        <translation>← Masomo</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Maandishi madogo zaidi</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Maandishi makubwa zaidi</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>Madaftari yangu</translation>
    </message>
    <message>
        <source>Add to this lesson</source>
        <translation>Ongeza kwenye somo hili</translation>
    </message>
    <message>
        <source>A tip, an example, a question or a translation, for other learners</source>
        <translation>Dokezo, mfano, swali au tafsiri, kwa wanafunzi wengine</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Lililotangulia</translation>
    </message>
    <message>
        <source>I&apos;ve finished this lesson</source>
        <translation>Nimemaliza somo hili</translation>
    </message>
    <message>
        <source>Take the quiz</source>
        <translation>Fanya jaribio</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Linalofuata →</translation>
    </message>
    <message>
        <source>This lesson is not in the course any more.</source>
        <translation>Somo hili halipo tena kwenye kozi.</translation>
    </message>
    <message>
        <source>From learners of other centres</source>
        <translation>Kutoka kwa wanafunzi wa vituo vingine</translation>
    </message>
    <message>
        <source>From learners at %1</source>
        <translation>Kutoka kwa wanafunzi wa %1</translation>
    </message>
    <message>
        <source>Read in: %1 (translated by learners of another centre)</source>
        <translation>Soma kwa: %1 (imetafsiriwa na wanafunzi wa kituo kingine)</translation>
    </message>
    <message>
        <source>Read in: %1 (translated by learners at %2)</source>
        <translation>Soma kwa: %1 (imetafsiriwa na wanafunzi wa %2)</translation>
    </message>
    <message>
        <source>✔ Finished</source>
        <translation>✔ Imekamilika</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message numerus="yes">
        <source>Started “%1” but has not been back for %n day(s).</source>
        <translation>
            <numerusform>Alianza “%1” lakini hajarudi kwa siku %n.</numerusform>
            <numerusform>Alianza “%1” lakini hajarudi kwa siku %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Has been on “%1” for %n day(s) without finishing it.</source>
        <translation>
            <numerusform>Amekuwa kwenye “%1” kwa siku %n bila kulimaliza.</numerusform>
            <numerusform>Amekuwa kwenye “%1” kwa siku %n bila kulimaliza.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered the same question of the quiz in “%1” wrongly %n time(s) and has not mastered it yet.</source>
        <translation>
            <numerusform>Amejibu vibaya swali lilelile la jaribio katika “%1” mara %n na bado hajalimudu.</numerusform>
            <numerusform>Amejibu vibaya swali lilelile la jaribio katika “%1” mara %n na bado hajalimudu.</numerusform>
        </translation>
    </message>
    <message>
        <source>The question: “%1”</source>
        <translation>Swali: “%1”</translation>
    </message>
    <message>
        <source>Not seen for a while</source>
        <translation>Hajaonekana kwa muda</translation>
    </message>
    <message>
        <source>Stuck on a lesson</source>
        <translation>Amekwama kwenye somo</translation>
    </message>
    <message>
        <source>Same quiz failed again and again</source>
        <translation>Jaribio lilelile limeshindwa tena na tena</translation>
    </message>
    <message>
        <source>mastered</source>
        <translation>amemudu</translation>
    </message>
    <message>
        <source>practising</source>
        <translation>anajizoeza</translation>
    </message>
    <message>
        <source>quiz not tried</source>
        <translation>jaribio halijajaribiwa</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>saa %1 dakika %2</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>dakika %1</translation>
    </message>
    <message>
        <source>Needs help when: started a course and not back for %1 days; on the same lesson for %2 days without finishing it; or the same question of a quiz answered wrongly %3 times.</source>
        <translation>Anahitaji msaada ikiwa: alianza kozi na hakurudi kwa siku %1; yuko kwenye somo lilelile kwa siku %2 bila kulimaliza; au amejibu vibaya swali lilelile la jaribio mara %3.</translation>
    </message>
</context>
<context>
    <name>RestoreOffer</name>
    <message>
        <source>HubDesk&apos;s database on this PC is damaged, so HubDesk cannot open it.

Restore the newest good backup, from {when}? What was done on this PC after that backup stays in the damaged copy, which is kept aside.</source>
        <translation>Hifadhidata ya HubDesk kwenye kompyuta hii imeharibika, kwa hiyo HubDesk haiwezi kuifungua.

Kurejesha nakala nzuri ya karibuni, ya {when}? Kilichofanywa kwenye kompyuta hii baada ya nakala hiyo kinabaki kwenye nakala iliyoharibika, ambayo inawekwa kando.</translation>
    </message>
    <message>
        <source>The backup is back in place. This PC now has a new device number: if it syncs with a hub, enrol it again with a new code from the hub.</source>
        <translation>Nakala imerejeshwa. Kompyuta hii sasa ina namba mpya ya kifaa: kama inasawazisha na kitovu, iandikishe tena kwa msimbo mpya kutoka kitovu.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Light edits to the text before approving (spelling, a word)</source>
        <translation>Marekebisho madogo ya maandishi kabla ya kukubali (tahajia, neno)</translation>
    </message>
    <message>
        <source>A comment for the learner (needed to ask for changes or decline)</source>
        <translation>Maoni kwa mwanafunzi (yanahitajika kuomba mabadiliko au kukataa)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Kubali</translation>
    </message>
    <message>
        <source>Ask for changes</source>
        <translation>Omba mabadiliko</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Kataa</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>Hakuna kinachokusubiri.</translation>
    </message>
</context>
<context>
    <name>SampleInstaller</name>
    <message>
        <source>Getting the first courses ready… %1 of %2</source>
        <translation>Kuandaa kozi za kwanza… %1 kati ya %2</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s) are ready.</source>
        <translation>
            <numerusform>Kozi %n iko tayari.</numerusform>
            <numerusform>Kozi %n ziko tayari.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sample courses could not be installed: %1</source>
        <translation>Kozi za mfano hazikuweza kusakinishwa: %1</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Searching for “%1”…</source>
        <translation>Inatafuta “%1”…</translation>
    </message>
    <message>
        <source>Search did not work this time. Please try again in a moment.</source>
        <translation>Utafutaji haukufanya kazi wakati huu. Tafadhali jaribu tena baada ya muda mfupi.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) for “%1”</source>
        <translation>
            <numerusform>tokeo %n kwa “%1”</numerusform>
            <numerusform>matokeo %n kwa “%1”</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing results for “%1”. You typed “%2”.</source>
        <translation>Inaonyesha matokeo ya “%1”. Uliandika “%2”.</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Ulimaanisha %1?</translation>
    </message>
    <message>
        <source>Nothing found. Try another word, or a shorter one.</source>
        <translation>Hakuna kilichopatikana. Jaribu neno lingine, au fupi zaidi.</translation>
    </message>
    <message>
        <source>My note</source>
        <translation>Daftari langu</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Somo</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Mipangilio</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>High contrast (black on white)</source>
        <translation>Utofautishaji mkubwa (nyeusi juu ya nyeupe)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>kamwe</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Lugha:</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>Ukubwa wa maandishi:</translation>
    </message>
    <message>
        <source>Sign out after no use for:</source>
        <translation>Toka baada ya kutotumika kwa:</translation>
    </message>
    <message>
        <source>Only a facilitator can change the sign-out time.</source>
        <translation>Mwezeshaji pekee anaweza kubadilisha muda wa kutoka.</translation>
    </message>
    <message>
        <source>Learners are signed out after this time so the next person cannot see their work.</source>
        <translation>Wanafunzi hutolewa baada ya muda huu ili mtu anayefuata asione kazi yao.</translation>
    </message>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation>
            <numerusform> dakika</numerusform>
            <numerusform> dakika</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Who are you?</source>
        <translation>Wewe ni nani?</translation>
    </message>
    <message>
        <source>Tap your name to begin.</source>
        <translation>Gusa jina lako kuanza.</translation>
    </message>
    <message>
        <source>Add the first person</source>
        <translation>Ongeza mtu wa kwanza</translation>
    </message>
    <message>
        <source>Language and settings</source>
        <translation>Lugha na mipangilio</translation>
    </message>
    <message>
        <source>Welcome to HubDesk</source>
        <translation>Karibu HubDesk</translation>
    </message>
    <message>
        <source>Lessons, quizzes and notes that work without internet. First, the facilitator of this computer adds themself with a password, then the learners.</source>
        <translation>Masomo, majaribio na madaftari yanayofanya kazi bila intaneti. Kwanza, mwezeshaji wa kompyuta hii anajiongeza kwa nenosiri, kisha wanafunzi.</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Mwezeshaji</translation>
    </message>
    <message>
        <source>Nobody is here yet.</source>
        <translation>Bado hakuna mtu hapa.</translation>
    </message>
    <message>
        <source>← Not me</source>
        <translation>← Si mimi</translation>
    </message>
    <message>
        <source>Use my pictures</source>
        <translation>Tumia picha zangu</translation>
    </message>
    <message>
        <source>Use my PIN</source>
        <translation>Tumia PIN yangu</translation>
    </message>
    <message>
        <source>Use my password</source>
        <translation>Tumia nenosiri langu</translation>
    </message>
    <message>
        <source>Tap your three pictures in order.</source>
        <translation>Gusa picha zako tatu kwa mpangilio.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Andika PIN yako.</translation>
    </message>
    <message>
        <source>Type your facilitator password.</source>
        <translation>Andika nenosiri lako la mwezeshaji.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Inakagua…</translation>
    </message>
    <message>
        <source>That was not right. Please try again.</source>
        <translation>Hiyo haikuwa sahihi. Tafadhali jaribu tena.</translation>
    </message>
    <message>
        <source>Something went wrong while checking. Please try again.</source>
        <translation>Kuna tatizo wakati wa kukagua. Tafadhali jaribu tena.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries. Try again in %n second(s).</source>
        <translation>
            <numerusform>Majaribio mengi mno yasiyo sahihi. Jaribu tena baada ya sekunde %n.</numerusform>
            <numerusform>Majaribio mengi mno yasiyo sahihi. Jaribu tena baada ya sekunde %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Unaweza kujaribu tena sasa.</translation>
    </message>
</context>
<context>
    <name>Speaker</name>
    <message>
        <source>No sound device was found: the sentences are shown but cannot be heard.</source>
        <translation>Hakuna kifaa cha sauti kilichopatikana: sentensi zinaonyeshwa lakini hazisikiki.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <source>Sync:</source>
        <translation>Usawazishaji:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sawazisha sasa</translation>
    </message>
    <message>
        <source>Starting a sync…</source>
        <translation>Inaanza kusawazisha…</translation>
    </message>
    <message>
        <source>This computer is not set up to sync yet. A facilitator can enrol it with a hub.</source>
        <translation>Kompyuta hii bado haijawekwa kusawazisha. Mwezeshaji anaweza kuiandikisha kwa kitovu.</translation>
    </message>
    <message>
        <source>Sync starts a few seconds after HubDesk opens.</source>
        <translation>Usawazishaji unaanza sekunde chache baada ya HubDesk kufunguka.</translation>
    </message>
    <message>
        <source>Syncing now.</source>
        <translation>Inasawazisha sasa.</translation>
    </message>
    <message>
        <source>Last sync %1 ago.</source>
        <translation>Usawazishaji wa mwisho %1 iliyopita.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Bado haijasawazishwa.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) waiting to go.</source>
        <translation>
            <numerusform>Tukio %n linasubiri kutumwa.</numerusform>
            <numerusform>Matukio %n yanasubiri kutumwa.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hub or peer this computer syncs with cannot be reached right now.</source>
        <translation>Kitovu au kompyuta ambayo hii inasawazisha nayo haifikiki sasa hivi.</translation>
    </message>
    <message>
        <source>The last sync failed: %1</source>
        <translation>Usawazishaji wa mwisho ulishindwa: %1</translation>
    </message>
    <message>
        <source>Next try in %1.</source>
        <translation>Jaribio linalofuata baada ya %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>sekunde %n</numerusform>
            <numerusform>sekunde %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>dakika %n</numerusform>
            <numerusform>dakika %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>saa %n</numerusform>
            <numerusform>saa %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The syncthing program is not installed, so HubDesk syncs without it; install it (apt-get install syncthing) to sync through Syncthing.</source>
        <translation>Programu ya syncthing haijasakinishwa, kwa hiyo HubDesk inasawazisha bila hiyo; isakinishe (apt-get install syncthing) ili kusawazisha kupitia Syncthing.</translation>
    </message>
    <message>
        <source>The Syncthing at %1 does not answer; HubDesk syncs without it until it does.</source>
        <translation>Syncthing kwenye %1 haijibu; HubDesk inasawazisha bila hiyo hadi ijibu.</translation>
    </message>
    <message>
        <source>HubDesk&apos;s Syncthing could not start: %1</source>
        <translation>Syncthing ya HubDesk haikuweza kuanza: %1</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>☰ Menu</source>
        <translation>☰ Menyu</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menyu</translation>
    </message>
</context>
<context>
    <name>UpdateBanner</name>
    <message>
        <source>Install now</source>
        <translation>Sakinisha sasa</translation>
    </message>
    <message>
        <source>HubDesk %1 is ready to install.</source>
        <translation>HubDesk %1 iko tayari kusakinishwa.</translation>
    </message>
    <message>
        <source>This HubDesk runs from source: install the new version from the installer.</source>
        <translation>HubDesk hii inaendeshwa kutoka msimbo chanzo: sakinisha toleo jipya kwa kisakinishi.</translation>
    </message>
    <message>
        <source>Install HubDesk %1</source>
        <translation>Sakinisha HubDesk %1</translation>
    </message>
    <message>
        <source>The learners&apos; data is backed up first, and HubDesk starts again when it is done. If something is wrong with the new version, the command &apos;hubdesk update rollback&apos; brings back this one with its data. Install now?</source>
        <translation>Data ya wanafunzi inahifadhiwa kwanza, na HubDesk inaanza upya ikimaliza. Kama kuna tatizo na toleo jipya, amri &apos;hubdesk update rollback&apos; inarudisha hili pamoja na data yake. Sakinisha sasa?</translation>
    </message>
    <message>
        <source>Installing HubDesk %1…</source>
        <translation>Inasakinisha HubDesk %1…</translation>
    </message>
    <message>
        <source>HubDesk %1 is installed. Start it again to use it.</source>
        <translation>HubDesk %1 imesakinishwa. Iwashe tena ili kuitumia.</translation>
    </message>
    <message>
        <source>HubDesk %1 is installed</source>
        <translation>HubDesk %1 imesakinishwa</translation>
    </message>
    <message>
        <source>Close HubDesk now and start the new version?</source>
        <translation>Funga HubDesk sasa na uanze toleo jipya?</translation>
    </message>
    <message>
        <source>Something went wrong. It was noted in the log.</source>
        <translation>Kuna tatizo. Limeandikwa kwenye kumbukumbu.</translation>
    </message>
    <message>
        <source>HubDesk was not updated: %1</source>
        <translation>HubDesk haikusasishwa: %1</translation>
    </message>
</context>
<context>
    <name>WebLinkDialog</name>
    <message>
        <source>This link needs the internet</source>
        <translation>Kiungo hiki kinahitaji intaneti</translation>
    </message>
    <message>
        <source>This link goes to a web page. It needs the internet, which this computer may not have now.</source>
        <translation>Kiungo hiki kinaenda kwenye ukurasa wa wavuti. Kinahitaji intaneti, ambayo kompyuta hii huenda haina sasa.</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Anwani ya wavuti</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>Nakili kiungo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Imenakiliwa.</translation>
    </message>
</context>
</TS>
