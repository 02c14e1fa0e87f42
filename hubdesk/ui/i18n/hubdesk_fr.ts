<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddPackDialog</name>
    <message>
        <source>Add course pack</source>
        <translation>Ajouter un cours</translation>
    </message>
    <message>
        <source>Choose a course pack on a USB stick, or a pack file on this computer.</source>
        <translation>Choisissez un cours sur une clé USB, ou un fichier de cours sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Course packs found on USB sticks</source>
        <translation>Cours trouvés sur les clés USB</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Chercher à nouveau</translation>
    </message>
    <message>
        <source>Install the chosen pack</source>
        <translation>Installer le cours choisi</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>On USB sticks:</source>
        <translation>Sur les clés USB :</translation>
    </message>
    <message>
        <source>No USB stick with a HUBDESK/packs folder was found.</source>
        <translation>Aucune clé USB avec un dossier HUBDESK/packs n’a été trouvée.</translation>
    </message>
    <message>
        <source>Choose a course pack</source>
        <translation>Choisir un cours</translation>
    </message>
    <message>
        <source>Course packs (*.hubpack *.zip)</source>
        <translation>Cours (*.hubpack *.zip)</translation>
    </message>
    <message>
        <source>Checking and copying %1…</source>
        <translation>Vérification et copie de %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>“%1” version %2 is installed.</source>
        <translation>« %1 » version %2 est installé.</translation>
    </message>
    <message>
        <source>“%1” version %2 was already installed.</source>
        <translation>« %1 » version %2 était déjà installé.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Annulé. Rien n’a été changé.</translation>
    </message>
    <message>
        <source>This pack could not be installed: %1</source>
        <translation>Ce cours n’a pas pu être installé : %1</translation>
    </message>
</context>
<context>
    <name>CentrePCsDialog</name>
    <message>
        <source>This centre&apos;s computers</source>
        <translation>Les ordinateurs de ce centre</translation>
    </message>
    <message>
        <source>The centre&apos;s computers</source>
        <translation>Les ordinateurs du centre</translation>
    </message>
    <message>
        <source>Let another computer join</source>
        <translation>Faire entrer un autre ordinateur</translation>
    </message>
    <message>
        <source>Set up the centre</source>
        <translation>Créer ou rejoindre le centre</translation>
    </message>
    <message>
        <source>Retire the chosen computer</source>
        <translation>Retirer l&apos;ordinateur choisi</translation>
    </message>
    <message>
        <source>For a lost or stolen computer: it receives nothing new</source>
        <translation>Pour un ordinateur perdu ou volé : il ne reçoit plus rien de nouveau</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Code pour rejoindre</translation>
    </message>
    <message>
        <source>This computer is not part of a centre yet.</source>
        <translation>Cet ordinateur ne fait pas encore partie d&apos;un centre.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>vu pour la dernière fois le %1</translation>
    </message>
    <message>
        <source>not seen yet</source>
        <translation>pas encore vu</translation>
    </message>
    <message>
        <source>On the new computer choose “Join this centre&apos;s computers” and type this code:</source>
        <translation>Sur le nouvel ordinateur, choisissez « Rejoindre les ordinateurs de ce centre » et tapez ce code :</translation>
    </message>
    <message>
        <source>It works once, for 15 minutes, while HubDesk stays open here.</source>
        <translation>Il sert une seule fois, pendant 15 minutes, tant que HubDesk reste ouvert ici.</translation>
    </message>
    <message>
        <source>Retire this computer? The centre&apos;s computers will send it nothing new. Do this for a lost or stolen computer.</source>
        <translation>Retirer cet ordinateur ? Les ordinateurs du centre ne lui enverront plus rien de nouveau. À faire pour un ordinateur perdu ou volé.</translation>
    </message>
    <message>
        <source>Retired. It keeps what it already held: ask the learners who used it to choose a new PIN or new pictures.</source>
        <translation>Retiré. Il garde ce qu&apos;il avait déjà : demandez aux apprenants qui l&apos;utilisaient de choisir un nouveau code PIN ou de nouvelles images.</translation>
    </message>
</context>
<context>
    <name>CentreSetupDialog</name>
    <message>
        <source>This computer and its centre</source>
        <translation>Cet ordinateur et son centre</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Create the centre</source>
        <translation>Créer le centre</translation>
    </message>
    <message>
        <source>A centre is all the computers learners share in one place. Learners can then sign in on any of them and find their work there.</source>
        <translation>Un centre, ce sont tous les ordinateurs que les apprenants partagent en un lieu. Chacun peut alors se connecter sur n&apos;importe lequel et y retrouver son travail.</translation>
    </message>
    <message>
        <source>New centre: this is its first computer</source>
        <translation>Nouveau centre : c&apos;est son premier ordinateur</translation>
    </message>
    <message>
        <source>Join this centre&apos;s computers</source>
        <translation>Rejoindre les ordinateurs de ce centre</translation>
    </message>
    <message>
        <source>Just this computer for now</source>
        <translation>Seulement cet ordinateur pour l&apos;instant</translation>
    </message>
    <message>
        <source>Name of the centre</source>
        <translation>Nom du centre</translation>
    </message>
    <message>
        <source>e.g. Kibera Youth Centre</source>
        <translation>p. ex. Centre des jeunes de Kibera</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>e.g. Nairobi</source>
        <translation>p. ex. Nairobi</translation>
    </message>
    <message>
        <source>Name of the centre:</source>
        <translation>Nom du centre :</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <source>On a computer of the centre, a facilitator opens Facilitator, then “This centre&apos;s computers”, and reads you a code.</source>
        <translation>Sur un ordinateur du centre, un animateur ouvre Animateur, puis « Les ordinateurs de ce centre », et vous lit un code.</translation>
    </message>
    <message>
        <source>Computers found on this network</source>
        <translation>Ordinateurs trouvés sur ce réseau</translation>
    </message>
    <message>
        <source>Computers found on this network:</source>
        <translation>Ordinateurs trouvés sur ce réseau :</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Code pour rejoindre</translation>
    </message>
    <message>
        <source>Its address, if it is not in the list</source>
        <translation>Son adresse, s&apos;il n&apos;est pas dans la liste</translation>
    </message>
    <message>
        <source>Join code:</source>
        <translation>Code pour rejoindre :</translation>
    </message>
    <message>
        <source>Or its address:</source>
        <translation>Ou son adresse :</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>No other HubDesk computer answered on this network. Type its address below, or check that HubDesk runs on a computer of the centre.</source>
        <translation>Aucun autre ordinateur HubDesk n&apos;a répondu sur ce réseau. Tapez son adresse ci-dessous, ou vérifiez que HubDesk est ouvert sur un ordinateur du centre.</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Cela n&apos;a pas marché : %1</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>My learners</source>
        <translation>Mes apprenants</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Study group</source>
        <translation>Groupe d’étude</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Depuis le début</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Le dernier jour</numerusform>
            <numerusform>Les %n derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Enregistrer en CSV…</translation>
    </message>
    <message>
        <source>Every course, every learner, every lesson: for a spreadsheet</source>
        <translation>Tous les cours, tous les apprenants, toutes les leçons : pour un tableur</translation>
    </message>
    <message>
        <source>Monthly report (PDF)…</source>
        <translation>Rapport du mois (PDF)…</translation>
    </message>
    <message>
        <source>✓ done · • started · ★ quiz mastered · ½ quiz practised. Double-click a learner to see their days.</source>
        <translation>✓ terminée · • commencée · ★ quiz maîtrisé · ½ quiz en cours. Double-cliquez sur un apprenant pour voir ses journées.</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Needs help</source>
        <translation>Besoin d’aide</translation>
    </message>
    <message>
        <source>Hardest questions</source>
        <translation>Questions les plus difficiles</translation>
    </message>
    <message>
        <source>One learner</source>
        <translation>Un apprenant</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À relire</translation>
    </message>
    <message>
        <source>Every learner</source>
        <translation>Tous les apprenants</translation>
    </message>
    <message>
        <source>Study group: %1</source>
        <translation>Groupe d’étude : %1</translation>
    </message>
    <message>
        <source>No course is installed yet: add a course pack first.</source>
        <translation>Aucun cours n’est encore installé : ajoutez d’abord un cours.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 learners have started.</source>
        <translation>%1 : %2 apprenants sur %3 ont commencé.</translation>
    </message>
    <message>
        <source>Nobody needs help by these rules today.</source>
        <translation>Personne n’a besoin d’aide selon ces règles aujourd’hui.</translation>
    </message>
    <message>
        <source>Needs help (%1)</source>
        <translation>Besoin d’aide (%1)</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Le rapport n’a pas pu être fait : %1</translation>
    </message>
    <message>
        <source>To review (%1)</source>
        <translation>À relire (%1)</translation>
    </message>
    <message>
        <source>%1 has done nothing yet in this period.</source>
        <translation>%1 n’a encore rien fait pendant cette période.</translation>
    </message>
    <message>
        <source>finished “%1”</source>
        <translation>a terminé « %1 »</translation>
    </message>
    <message>
        <source>worked on “%1”</source>
        <translation>a travaillé sur « %1 »</translation>
    </message>
    <message>
        <source>%1 of %2 answers right</source>
        <translation>%1 bonnes réponses sur %2</translation>
    </message>
    <message>
        <source>Save the progress as CSV</source>
        <translation>Enregistrer la progression en CSV</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Enregistrer le rapport du mois</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Préparation du rapport…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Rien n’a été enregistré : %1</translation>
    </message>
</context>
<context>
    <name>ContributionEditor</name>
    <message>
        <source>Add to this lesson</source>
        <translation>Ajouter à cette leçon</translation>
    </message>
    <message>
        <source>Add to “%1”: your tip, an example from your life, a question, a translation.</source>
        <translation>Ajouter à « %1 » : votre astuce, un exemple de votre vie, une question, une traduction.</translation>
    </message>
    <message>
        <source>Write a new short lesson.</source>
        <translation>Écrire une nouvelle leçon courte.</translation>
    </message>
    <message>
        <source>What you add</source>
        <translation>Ce que vous ajoutez</translation>
    </message>
    <message>
        <source>A tip or explanation</source>
        <translation>Une astuce ou une explication</translation>
    </message>
    <message>
        <source>An example from where you live</source>
        <translation>Un exemple de là où vous vivez</translation>
    </message>
    <message>
        <source>A new quiz question</source>
        <translation>Une nouvelle question de quiz</translation>
    </message>
    <message>
        <source>A translation of this lesson</source>
        <translation>Une traduction de cette leçon</translation>
    </message>
    <message>
        <source>A new short lesson</source>
        <translation>Une nouvelle leçon courte</translation>
    </message>
    <message>
        <source>A title (optional for a tip or example)</source>
        <translation>Un titre (facultatif pour une astuce ou un exemple)</translation>
    </message>
    <message>
        <source>Write here. *stars* make italics, **two** make bold.</source>
        <translation>Écrivez ici. *des étoiles* pour l’italique, **deux** pour le gras.</translation>
    </message>
    <message>
        <source>Add a picture…</source>
        <translation>Ajouter une image…</translation>
    </message>
    <message>
        <source>A PNG or JPEG, at most 200 KB</source>
        <translation>Un PNG ou un JPEG, 200 Ko au plus</translation>
    </message>
    <message>
        <source>One right choice</source>
        <translation>Un seul bon choix</translation>
    </message>
    <message>
        <source>Several right choices</source>
        <translation>Plusieurs bons choix</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>Un nombre</translation>
    </message>
    <message>
        <source>A word</source>
        <translation>Un mot</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>La question</translation>
    </message>
    <message>
        <source>The choices, one per line</source>
        <translation>Les choix, un par ligne</translation>
    </message>
    <message>
        <source>The right answer (for choices: their numbers, like 2 or 1,3)</source>
        <translation>La bonne réponse (pour des choix : leurs numéros, comme 2 ou 1,3)</translation>
    </message>
    <message>
        <source>Language code, like sw for Kiswahili</source>
        <translation>Code de la langue, comme sw pour le kiswahili</translation>
    </message>
    <message>
        <source>The lesson</source>
        <translation>La leçon</translation>
    </message>
    <message>
        <source>Your translation</source>
        <translation>Votre traduction</translation>
    </message>
    <message>
        <source>Show my name with it</source>
        <translation>Montrer mon nom avec</translation>
    </message>
    <message>
        <source>I agree to share it under this licence</source>
        <translation>J’accepte de le partager sous cette licence</translation>
    </message>
    <message>
        <source>Send to the facilitator</source>
        <translation>Envoyer à l’animateur</translation>
    </message>
    <message>
        <source>Keep as a draft</source>
        <translation>Garder comme brouillon</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>a learner at %1</source>
        <translation>un apprenant de %1</translation>
    </message>
    <message>
        <source>It will be shared under the %1 licence, credited to %2: everyone may use and change it, if they say who made it and share what they make the same way.</source>
        <translation>Ce sera partagé sous la licence %1, au nom de %2 : chacun peut l’utiliser et le modifier, s’il dit qui l’a fait et partage ce qu’il en fait de la même façon.</translation>
    </message>
    <message>
        <source>The facilitator asks: %1</source>
        <translation>L’animateur demande : %1</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Choisir une image</translation>
    </message>
    <message>
        <source>That picture cannot be read: %1</source>
        <translation>Cette image ne peut pas être lue : %1</translation>
    </message>
    <message>
        <source>Tick “I agree” to share it under the licence, or keep it as a draft.</source>
        <translation>Cochez « J’accepte » pour le partager sous la licence, ou gardez-le comme brouillon.</translation>
    </message>
</context>
<context>
    <name>ContributionWords</name>
    <message>
        <source>Draft: not sent yet</source>
        <translation>Brouillon : pas encore envoyé</translation>
    </message>
    <message>
        <source>Sent: waiting for the facilitator</source>
        <translation>Envoyé : en attente de l’animateur</translation>
    </message>
    <message>
        <source>Changes asked: %1</source>
        <translation>Modifications demandées : %1</translation>
    </message>
    <message>
        <source>Approved: every learner of the centre can read it</source>
        <translation>Approuvé : tous les apprenants du centre peuvent le lire</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>Refusé : %1</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Astuce</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traduction</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Nouvelle leçon</translation>
    </message>
    <message>
        <source>By %1, for “%2”.</source>
        <translation>Par %1, pour « %2 ».</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Réponse : %1</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Langue : %1</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminées</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu la dernière fois</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>started</source>
        <translation>commencée</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>pas commencée</translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message>
        <source>My study groups</source>
        <translation>Mes groupes d’étude</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <source>Name of a new group</source>
        <translation>Nom d’un nouveau groupe</translation>
    </message>
    <message>
        <source>Start a group</source>
        <translation>Créer un groupe</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Code du groupe</translation>
    </message>
    <message>
        <source>The code the group&apos;s starter reads out, like KTM4Q-9QPZX</source>
        <translation>Le code que lit la personne qui a créé le groupe, comme KTM4Q-9QPZX</translation>
    </message>
    <message>
        <source>Address of a member&apos;s computer</source>
        <translation>Adresse de l’ordinateur d’un membre</translation>
    </message>
    <message>
        <source>Group not found nearby? Ask a member for their computer&apos;s address:</source>
        <translation>Groupe introuvable à proximité ? Demandez à un membre l’adresse de son ordinateur :</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>HubDesks nearby</source>
        <translation>HubDesk à proximité</translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation>Notes partagées</translation>
    </message>
    <message>
        <source>Write here together. Everyone in the group sees it.</source>
        <translation>Écrivez ici ensemble. Tout le groupe le voit.</translation>
    </message>
    <message>
        <source>Online now</source>
        <translation>En ligne maintenant</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Retirer le membre</translation>
    </message>
    <message>
        <source>Only the person who started the group can remove a member.</source>
        <translation>Seule la personne qui a créé le groupe peut retirer un membre.</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Quitter le groupe</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>Questions et réponses</translation>
    </message>
    <message>
        <source>Ask or answer</source>
        <translation>Demander ou répondre</translation>
    </message>
    <message>
        <source>Ask the group, or answer the chosen question</source>
        <translation>Posez une question au groupe, ou répondez à la question choisie</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Give the group a name first.</source>
        <translation>Donnez d’abord un nom au groupe.</translation>
    </message>
    <message>
        <source>Read this code aloud to the others: {code}</source>
        <translation>Lisez ce code à voix haute aux autres : {code}</translation>
    </message>
    <message>
        <source>Type the join code you were given.</source>
        <translation>Tapez le code qu’on vous a donné.</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Connexion au groupe…</translation>
    </message>
    <message>
        <source>You joined the group.</source>
        <translation>Vous avez rejoint le groupe.</translation>
    </message>
    <message>
        <source>That did not work. Please try again.</source>
        <translation>Cela n’a pas marché. Réessayez, s’il vous plaît.</translation>
    </message>
    <message>
        <source>Join code: {code}</source>
        <translation>Code du groupe : {code}</translation>
    </message>
    <message>
        <source>{name} (started the group)</source>
        <translation>{name} (a créé le groupe)</translation>
    </message>
    <message>
        <source>Choose the member to remove, then press Remove member.</source>
        <translation>Choisissez le membre à retirer, puis appuyez sur Retirer le membre.</translation>
    </message>
    <message>
        <source>Removed. The old join code no longer works; newcomers join with %1.</source>
        <translation>Membre retiré. L&apos;ancien code ne marche plus ; les nouveaux venus rejoignent avec %1.</translation>
    </message>
    <message>
        <source>You left the group. Its notes stay on this PC.</source>
        <translation>Vous avez quitté le groupe. Ses notes restent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>{name} asks: {text}</source>
        <translation>{name} demande : {text}</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name} : {text}</translation>
    </message>
    <message>
        <source>Choose a question, write your answer, then press Answer.</source>
        <translation>Choisissez une question, écrivez votre réponse, puis appuyez sur Répondre.</translation>
    </message>
</context>
<context>
    <name>LearnerDialog</name>
    <message>
        <source>Add a learner</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <source>How %1 signs in</source>
        <translation>Comment %1 se connecte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant·e</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Animateur·rice</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôle :</translation>
    </message>
    <message>
        <source>Just tap the name (no secret)</source>
        <translation>Toucher son nom suffit (pas de secret)</translation>
    </message>
    <message>
        <source>Three pictures</source>
        <translation>Trois images</translation>
    </message>
    <message>
        <source>A PIN (4 to 6 digits)</source>
        <translation>Un code (4 à 6 chiffres)</translation>
    </message>
    <message>
        <source>A password (for facilitators)</source>
        <translation>Un mot de passe (animateurs)</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Se connecter avec :</translation>
    </message>
    <message>
        <source>Let %1 sign in by just tapping the name? Anyone could then open their work.</source>
        <translation>Laisser %1 se connecter en touchant simplement son nom ? N’importe qui pourrait alors ouvrir son travail.</translation>
    </message>
    <message>
        <source>%1 signs in by tapping their name.</source>
        <translation>%1 se connecte en touchant son nom.</translation>
    </message>
    <message>
        <source>%1 signs in with three pictures.</source>
        <translation>%1 se connecte avec trois images.</translation>
    </message>
    <message>
        <source>%1 signs in with a PIN.</source>
        <translation>%1 se connecte avec un code PIN.</translation>
    </message>
    <message>
        <source>%1 signs in with a password.</source>
        <translation>%1 se connecte avec un mot de passe.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>pictures</source>
        <translation>images</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>At least 6 characters</source>
        <translation>Au moins 6 caractères</translation>
    </message>
    <message>
        <source>Welcome! Add yourself as the facilitator of this computer, with a password.</source>
        <translation>Bienvenue ! Ajoutez-vous comme animateur·rice de cet ordinateur, avec un mot de passe.</translation>
    </message>
    <message>
        <source>A facilitator signs in with a password: facilitator tasks must stay protected.</source>
        <translation>Un animateur se connecte avec un mot de passe : les tâches d’animation doivent rester protégées.</translation>
    </message>
</context>
<context>
    <name>LearnerShell</name>
    <message>
        <source>My courses</source>
        <translation>Mes cours</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>Mes progrès</translation>
    </message>
    <message>
        <source>Search lessons and notes</source>
        <translation>Chercher dans les leçons et les notes</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Study group</source>
        <translation>Groupe d’étude</translation>
    </message>
    <message>
        <source>Learn with others on this network: a shared note and questions</source>
        <translation>Apprendre avec d’autres sur ce réseau : une note partagée et des questions</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Animateur·rice</translation>
    </message>
    <message>
        <source>Learners, course packs and sync</source>
        <translation>Personnes, cours et synchronisation</translation>
    </message>
    <message>
        <source>Settings: text size, contrast, language</source>
        <translation>Réglages : taille du texte, contraste, langue</translation>
    </message>
    <message>
        <source>Switch learner</source>
        <translation>Changer de personne</translation>
    </message>
    <message>
        <source>Sign out so someone else can use this computer</source>
        <translation>Se déconnecter pour laisser l’ordinateur à quelqu’un d’autre</translation>
    </message>
    <message>
        <source>That course is not on this computer any more.</source>
        <translation>Ce cours n’est plus sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Hello, %1!</source>
        <translation>Bonjour, %1 !</translation>
    </message>
    <message>
        <source>Your courses</source>
        <translation>Vos cours</translation>
    </message>
    <message>
        <source>Show courses in</source>
        <translation>Afficher les cours en</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>There are no courses on this computer yet. Ask a facilitator to add one.</source>
        <translation>Il n’y a pas encore de cours sur cet ordinateur. Demandez à un animateur d’en ajouter un.</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Toutes les langues</translation>
    </message>
    <message>
        <source>Continue where you left off:
%1</source>
        <translation>Reprendre là où vous étiez :
%1</translation>
    </message>
    <message>
        <source>Start your first lesson:
%1</source>
        <translation>Commencer votre première leçon :
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
        <translation>L&apos;ordinateur %1 a rejoint ce centre.</translation>
    </message>
    <message>
        <source>You were signed out because nobody used HubDesk for a while. Your note was kept.</source>
        <translation>Vous avez été déconnecté·e car personne n’a utilisé HubDesk depuis un moment. Votre note a été gardée.</translation>
    </message>
    <message>
        <source>You were signed out because nobody used HubDesk for a while.</source>
        <translation>Vous avez été déconnecté·e car personne n’a utilisé HubDesk depuis un moment.</translation>
    </message>
    <message>
        <source>This computer joined %1.</source>
        <translation>Cet ordinateur a rejoint %1.</translation>
    </message>
    <message>
        <source>Something went wrong. It was noted in the log.</source>
        <translation>Un problème est survenu. Il a été noté dans le journal.</translation>
    </message>
</context>
<context>
    <name>ManagePage</name>
    <message numerus="yes">
        <source>The clock of PC %1 is %n day(s) ahead.</source>
        <translation>
            <numerusform>L’horloge du PC %1 est en avance de %n jour.</numerusform>
            <numerusform>L’horloge du PC %1 est en avance de %n jours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The clock of PC %1 is %n hour(s) ahead.</source>
        <translation>
            <numerusform>L’horloge du PC %1 est en avance de %n heure.</numerusform>
            <numerusform>L’horloge du PC %1 est en avance de %n heures.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set its date and time right: until then its changes win over newer ones.</source>
        <translation>Réglez sa date et son heure : d’ici là, ses modifications l’emportent sur de plus récentes.</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Animateur·rice</translation>
    </message>
    <message>
        <source>Add course pack</source>
        <translation>Ajouter un cours</translation>
    </message>
    <message>
        <source>My learners: progress and reports</source>
        <translation>Mes apprenants : progression et rapports</translation>
    </message>
    <message>
        <source>Progress of every learner, who needs help, the hardest questions</source>
        <translation>La progression de chaque apprenant, qui a besoin d’aide, les questions les plus difficiles</translation>
    </message>
    <message>
        <source>Course packs from a USB stick or a file:</source>
        <translation>Cours depuis une clé USB ou un fichier :</translation>
    </message>
    <message>
        <source>Settings of this computer</source>
        <translation>Réglages de cet ordinateur</translation>
    </message>
    <message>
        <source>Language and the time before an unused session is closed</source>
        <translation>La langue, et le délai avant de fermer une session inutilisée</translation>
    </message>
    <message>
        <source>This centre&apos;s computers</source>
        <translation>Les ordinateurs de ce centre</translation>
    </message>
    <message>
        <source>The computers of this centre, a code for a new one, a lost one</source>
        <translation>Les ordinateurs de ce centre, un code pour un nouveau, un ordinateur perdu</translation>
    </message>
    <message>
        <source>Learners of this centre</source>
        <translation>Apprenants de ce centre</translation>
    </message>
    <message>
        <source>Add a learner</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Reset PIN or pictures</source>
        <translation>Changer le code ou les images</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>no secret</source>
        <translation>pas de secret</translation>
    </message>
    <message>
        <source>facilitator</source>
        <translation>animateur·rice</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>apprenant·e</translation>
    </message>
    <message>
        <source>Course updates waiting at the hub (they come with the next USB stick or sync): %1</source>
        <translation>Mises à jour de cours en attente au centre principal (elles arrivent avec la prochaine clé USB ou synchronisation) : %1</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? Their progress stays in the records.</source>
        <translation>Retirer %1 de cet ordinateur ? Ses progrès restent dans les registres.</translation>
    </message>
</context>
<context>
    <name>MonthlyReportPdf</name>
    <message>
        <source>Monthly report: %1</source>
        <translation>Rapport du mois : %1</translation>
    </message>
    <message>
        <source>learners in the centre</source>
        <translation>apprenants au centre</translation>
    </message>
    <message>
        <source>came this month</source>
        <translation>venus ce mois-ci</translation>
    </message>
    <message>
        <source>lessons finished this month</source>
        <translation>leçons terminées ce mois-ci</translation>
    </message>
    <message>
        <source>spent learning this month</source>
        <translation>passées à apprendre ce mois-ci</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Commencé</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>Venus</translation>
    </message>
    <message>
        <source>Lessons finished</source>
        <translation>Leçons terminées</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Average progress</source>
        <translation>Progression moyenne</translation>
    </message>
    <message>
        <source>No course is installed yet.</source>
        <translation>Aucun cours n’est encore installé.</translation>
    </message>
    <message>
        <source>Who needs a visit</source>
        <translation>Qui a besoin d’une visite</translation>
    </message>
    <message>
        <source>Nobody needs help by these rules today.</source>
        <translation>Personne n’a besoin d’aide selon ces règles aujourd’hui.</translation>
    </message>
    <message>
        <source>Hardest questions</source>
        <translation>Questions les plus difficiles</translation>
    </message>
    <message>
        <source>%1% right the first time (%2 of %3 learners)</source>
        <translation>%1 % de bonnes réponses du premier coup (%2 apprenants sur %3)</translation>
    </message>
    <message>
        <source>“%1” (%2): %3</source>
        <translation>« %1 » (%2) : %3</translation>
    </message>
    <message>
        <source>Too few answers yet to say which questions are hard.</source>
        <translation>Trop peu de réponses pour dire quelles questions sont difficiles.</translation>
    </message>
    <message>
        <source>Made by HubDesk on %1, from the activity of every computer of the centre.</source>
        <translation>Fait par HubDesk le %1, à partir de l’activité de tous les ordinateurs du centre.</translation>
    </message>
</context>
<context>
    <name>MyContributionsDialog</name>
    <message>
        <source>My contributions</source>
        <translation>Mes contributions</translation>
    </message>
    <message>
        <source>Change and send again</source>
        <translation>Modifier et renvoyer</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Nothing yet. In a lesson, tap “Add to this lesson”.</source>
        <translation>Rien pour l’instant. Dans une leçon, touchez « Ajouter à cette leçon ».</translation>
    </message>
</context>
<context>
    <name>NameButton</name>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté·e : %1</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>My notes</source>
        <translation>Mes notes</translation>
    </message>
    <message>
        <source>Only you can see these notes.</source>
        <translation>Vous seul·e pouvez voir ces notes.</translation>
    </message>
    <message>
        <source>Write what you want to remember…</source>
        <translation>Écrivez ce que vous voulez retenir…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Écriture…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
</context>
<context>
    <name>PackCard</name>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · version %2</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progrès</translation>
    </message>
    <message>
        <source>%1 of %2 lessons finished</source>
        <translation>%1 sur %2 leçons terminées</translation>
    </message>
    <message numerus="yes">
        <source>%n quiz(zes) mastered</source>
        <translation>
            <numerusform>%n quiz maîtrisé</numerusform>
            <numerusform>%n quiz maîtrisés</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <source>← My courses</source>
        <translation>← Mes cours</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Leçons</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>quiz mastered</source>
        <translation>quiz maîtrisé</translation>
    </message>
    <message>
        <source>%1 of %2 lessons finished</source>
        <translation>%1 sur %2 leçons terminées</translation>
    </message>
</context>
<context>
    <name>PasswordEntry</name>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
</context>
<context>
    <name>PicturePad</name>
    <message>
        <source>Picture %1 of 3</source>
        <translation>Image %1 sur 3</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>sun</source>
        <translation>soleil</translation>
    </message>
    <message>
        <source>house</source>
        <translation>maison</translation>
    </message>
    <message>
        <source>tree</source>
        <translation>arbre</translation>
    </message>
    <message>
        <source>fish</source>
        <translation>poisson</translation>
    </message>
    <message>
        <source>star</source>
        <translation>étoile</translation>
    </message>
    <message>
        <source>heart</source>
        <translation>cœur</translation>
    </message>
    <message>
        <source>moon</source>
        <translation>lune</translation>
    </message>
    <message>
        <source>flower</source>
        <translation>fleur</translation>
    </message>
    <message>
        <source>boat</source>
        <translation>bateau</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>My progress</source>
        <translation>Mes progrès</translation>
    </message>
    <message>
        <source>My contributions</source>
        <translation>Mes contributions</translation>
    </message>
    <message>
        <source>What you added to lessons, and what the facilitator said</source>
        <translation>Ce que vous avez ajouté aux leçons, et ce qu’en dit l’animateur</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>moins d’une minute</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Lessons finished: %1 of %2</source>
        <translation>Leçons terminées : %1 sur %2</translation>
    </message>
    <message>
        <source>Quizzes mastered: %1 of %2</source>
        <translation>Quiz maîtrisés : %1 sur %2</translation>
    </message>
    <message>
        <source>Time spent: %1</source>
        <translation>Temps passé : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s) finished</source>
        <translation>
            <numerusform>%n leçon terminée</numerusform>
            <numerusform>%n leçons terminées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>Right first time</source>
        <translation>Juste du premier coup</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Apprenants</translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>← Back to the lesson</source>
        <translation>← Retour à la leçon</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>Vérifier ma réponse</translation>
    </message>
    <message>
        <source>Practise again</source>
        <translation>S’entraîner encore</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Next question →</source>
        <translation>Question suivante →</translation>
    </message>
    <message>
        <source>Quiz: %1</source>
        <translation>Quiz : %1</translation>
    </message>
    <message>
        <source>To master this quiz: %1 right answers out of the last %2.</source>
        <translation>Pour maîtriser ce quiz : %1 bonnes réponses sur les %2 dernières.</translation>
    </message>
    <message>
        <source>Well done! You have mastered this quiz. You can keep practising.</source>
        <translation>Bravo ! Vous maîtrisez ce quiz. Vous pouvez continuer à vous entraîner.</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Question %1 sur %2</translation>
    </message>
    <message>
        <source>Choose every right answer.</source>
        <translation>Choisissez toutes les bonnes réponses.</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Tapez un nombre</translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation>Tapez votre réponse</translation>
    </message>
    <message>
        <source>Please type a number with digits, like 12 or 3,5.</source>
        <translation>Tapez un nombre en chiffres, comme 12 ou 3,5.</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>Juste !</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>Pas tout à fait.</translation>
    </message>
    <message>
        <source>Quiz finished</source>
        <translation>Quiz terminé</translation>
    </message>
    <message>
        <source>You answered %1 of %2 questions right the first time.</source>
        <translation>Vous avez répondu juste du premier coup à %1 questions sur %2.</translation>
    </message>
    <message>
        <source>Practise again to master it, or go back to the lesson.</source>
        <translation>Entraînez-vous encore pour le maîtriser, ou revenez à la leçon.</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Read aloud</source>
        <translation>Lire à voix haute</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Arrêter la lecture</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>Lente</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Rapide</translation>
    </message>
    <message>
        <source>Reading aloud needs the espeak-ng program, which is not installed on this computer.</source>
        <translation>La lecture à voix haute a besoin du programme espeak-ng, qui n’est pas installé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <source>← Lessons</source>
        <translation>← Leçons</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texte plus petit</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>Mes notes</translation>
    </message>
    <message>
        <source>Add to this lesson</source>
        <translation>Ajouter à cette leçon</translation>
    </message>
    <message>
        <source>A tip, an example, a question or a translation, for other learners</source>
        <translation>Une astuce, un exemple, une question ou une traduction, pour les autres apprenants</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Précédente</translation>
    </message>
    <message>
        <source>I&apos;ve finished this lesson</source>
        <translation>J’ai fini cette leçon</translation>
    </message>
    <message>
        <source>Take the quiz</source>
        <translation>Faire le quiz</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Suivante →</translation>
    </message>
    <message>
        <source>This lesson is not in the course any more.</source>
        <translation>Cette leçon n’est plus dans le cours.</translation>
    </message>
    <message>
        <source>From learners of other centres</source>
        <translation>Des apprenants d’autres centres</translation>
    </message>
    <message>
        <source>From learners at %1</source>
        <translation>Des apprenants de %1</translation>
    </message>
    <message>
        <source>Read in: %1 (translated by learners of another centre)</source>
        <translation>Lire en : %1 (traduit par des apprenants d’un autre centre)</translation>
    </message>
    <message>
        <source>Read in: %1 (translated by learners at %2)</source>
        <translation>Lire en : %1 (traduit par des apprenants de %2)</translation>
    </message>
    <message>
        <source>✔ Finished</source>
        <translation>✔ Terminée</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message numerus="yes">
        <source>Started “%1” but has not been back for %n day(s).</source>
        <translation>
            <numerusform>A commencé « %1 » mais n’est pas revenu depuis %n jour.</numerusform>
            <numerusform>A commencé « %1 » mais n’est pas revenu depuis %n jours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Has been on “%1” for %n day(s) without finishing it.</source>
        <translation>
            <numerusform>Est sur « %1 » depuis %n jour sans la terminer.</numerusform>
            <numerusform>Est sur « %1 » depuis %n jours sans la terminer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered the same question of the quiz in “%1” wrongly %n time(s) and has not mastered it yet.</source>
        <translation>
            <numerusform>A mal répondu %n fois à la même question du quiz de « %1 » et ne le maîtrise pas encore.</numerusform>
            <numerusform>A mal répondu %n fois à la même question du quiz de « %1 » et ne le maîtrise pas encore.</numerusform>
        </translation>
    </message>
    <message>
        <source>The question: “%1”</source>
        <translation>La question : « %1 »</translation>
    </message>
    <message>
        <source>Not seen for a while</source>
        <translation>Pas vu depuis un moment</translation>
    </message>
    <message>
        <source>Stuck on a lesson</source>
        <translation>Bloqué sur une leçon</translation>
    </message>
    <message>
        <source>Same quiz failed again and again</source>
        <translation>Le même quiz raté encore et encore</translation>
    </message>
    <message>
        <source>mastered</source>
        <translation>maîtrisé</translation>
    </message>
    <message>
        <source>practising</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>quiz not tried</source>
        <translation>quiz pas essayé</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Needs help when: started a course and not back for %1 days; on the same lesson for %2 days without finishing it; or the same question of a quiz answered wrongly %3 times.</source>
        <translation>A besoin d’aide quand : a commencé un cours et n’est pas revenu depuis %1 jours ; est sur la même leçon depuis %2 jours sans la terminer ; ou a mal répondu %3 fois à la même question d’un quiz.</translation>
    </message>
</context>
<context>
    <name>RestoreOffer</name>
    <message>
        <source>HubDesk&apos;s database on this PC is damaged, so HubDesk cannot open it.

Restore the newest good backup, from {when}? What was done on this PC after that backup stays in the damaged copy, which is kept aside.</source>
        <translation>La base de données de HubDesk sur ce PC est endommagée : HubDesk ne peut pas l&apos;ouvrir.

Restaurer la dernière bonne sauvegarde, du {when} ? Ce qui a été fait sur ce PC après cette sauvegarde reste dans la copie endommagée, qui est mise de côté.</translation>
    </message>
    <message>
        <source>The backup is back in place. This PC now has a new device number: if it syncs with a hub, enrol it again with a new code from the hub.</source>
        <translation>La sauvegarde est remise en place. Ce PC a maintenant un nouveau numéro d&apos;appareil : s&apos;il se synchronise avec un hub, inscrivez-le à nouveau avec un nouveau code du hub.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Light edits to the text before approving (spelling, a word)</source>
        <translation>Petites corrections du texte avant d’approuver (orthographe, un mot)</translation>
    </message>
    <message>
        <source>A comment for the learner (needed to ask for changes or decline)</source>
        <translation>Un commentaire pour l’apprenant (nécessaire pour demander des modifications ou refuser)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Ask for changes</source>
        <translation>Demander des modifications</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>Rien ne vous attend.</translation>
    </message>
</context>
<context>
    <name>SampleInstaller</name>
    <message>
        <source>Getting the first courses ready… %1 of %2</source>
        <translation>Préparation des premiers cours… %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s) are ready.</source>
        <translation>
            <numerusform>%n cours est prêt.</numerusform>
            <numerusform>%n cours sont prêts.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sample courses could not be installed: %1</source>
        <translation>Les cours d’exemple n’ont pas pu être installés : %1</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Searching for “%1”…</source>
        <translation>Recherche de « %1 »…</translation>
    </message>
    <message>
        <source>Search did not work this time. Please try again in a moment.</source>
        <translation>La recherche n’a pas marché cette fois. Réessayez dans un instant.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) for “%1”</source>
        <translation>
            <numerusform>%n résultat pour « %1 »</numerusform>
            <numerusform>%n résultats pour « %1 »</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing results for “%1”. You typed “%2”.</source>
        <translation>Résultats pour « %1 ». Vous avez tapé « %2 ».</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Vouliez-vous dire %1 ?</translation>
    </message>
    <message>
        <source>Nothing found. Try another word, or a shorter one.</source>
        <translation>Rien trouvé. Essayez un autre mot, ou un mot plus court.</translation>
    </message>
    <message>
        <source>My note</source>
        <translation>Ma note</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>High contrast (black on white)</source>
        <translation>Contraste élevé (noir sur blanc)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>Taille du texte :</translation>
    </message>
    <message>
        <source>Sign out after no use for:</source>
        <translation>Déconnecter après une inactivité de :</translation>
    </message>
    <message>
        <source>Only a facilitator can change the sign-out time.</source>
        <translation>Seul un animateur peut changer ce délai.</translation>
    </message>
    <message>
        <source>Learners are signed out after this time so the next person cannot see their work.</source>
        <translation>Les personnes sont déconnectées après ce délai pour que la suivante ne voie pas leur travail.</translation>
    </message>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation>
            <numerusform> minute</numerusform>
            <numerusform> minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Who are you?</source>
        <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>Tap your name to begin.</source>
        <translation>Touchez votre nom pour commencer.</translation>
    </message>
    <message>
        <source>Add the first person</source>
        <translation>Ajouter la première personne</translation>
    </message>
    <message>
        <source>Language and settings</source>
        <translation>Langue et réglages</translation>
    </message>
    <message>
        <source>Welcome to HubDesk</source>
        <translation>Bienvenue dans HubDesk</translation>
    </message>
    <message>
        <source>Lessons, quizzes and notes that work without internet. First, the facilitator of this computer adds themself with a password, then the learners.</source>
        <translation>Des leçons, des quiz et des notes qui marchent sans internet. D’abord, l’animateur·rice de cet ordinateur s’ajoute avec un mot de passe, puis ajoute les personnes.</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Animateur·rice</translation>
    </message>
    <message>
        <source>Nobody is here yet.</source>
        <translation>Personne n’est encore inscrit.</translation>
    </message>
    <message>
        <source>← Not me</source>
        <translation>← Ce n’est pas moi</translation>
    </message>
    <message>
        <source>Use my pictures</source>
        <translation>Utiliser mes images</translation>
    </message>
    <message>
        <source>Use my PIN</source>
        <translation>Utiliser mon code</translation>
    </message>
    <message>
        <source>Use my password</source>
        <translation>Utiliser mon mot de passe</translation>
    </message>
    <message>
        <source>Tap your three pictures in order.</source>
        <translation>Touchez vos trois images dans l’ordre.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Tapez votre code.</translation>
    </message>
    <message>
        <source>Type your facilitator password.</source>
        <translation>Tapez votre mot de passe d’animateur.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>That was not right. Please try again.</source>
        <translation>Ce n’était pas juste. Réessayez, s’il vous plaît.</translation>
    </message>
    <message>
        <source>Something went wrong while checking. Please try again.</source>
        <translation>Un problème est survenu pendant la vérification. Réessayez.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop d’essais ratés. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop d’essais ratés. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
</context>
<context>
    <name>Speaker</name>
    <message>
        <source>No sound device was found: the sentences are shown but cannot be heard.</source>
        <translation>Aucun appareil de son n’a été trouvé : les phrases sont montrées mais ne peuvent pas être entendues.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <source>Sync:</source>
        <translation>Synchronisation :</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Starting a sync…</source>
        <translation>Début de la synchronisation…</translation>
    </message>
    <message>
        <source>This computer is not set up to sync yet. A facilitator can enrol it with a hub.</source>
        <translation>Cet ordinateur n’est pas encore prêt à synchroniser. Un animateur peut l’inscrire auprès d’un hub.</translation>
    </message>
    <message>
        <source>Sync starts a few seconds after HubDesk opens.</source>
        <translation>La synchronisation commence quelques secondes après l’ouverture de HubDesk.</translation>
    </message>
    <message>
        <source>Syncing now.</source>
        <translation>Synchronisation en cours.</translation>
    </message>
    <message>
        <source>Last sync %1 ago.</source>
        <translation>Dernière synchronisation il y a %1.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Pas encore synchronisé.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) waiting to go.</source>
        <translation>
            <numerusform>%n évènement en attente d’envoi.</numerusform>
            <numerusform>%n évènements en attente d’envoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hub or peer this computer syncs with cannot be reached right now.</source>
        <translation>Le hub ou le pair avec lequel cet ordinateur se synchronise est injoignable pour le moment.</translation>
    </message>
    <message>
        <source>The last sync failed: %1</source>
        <translation>La dernière synchronisation a échoué : %1</translation>
    </message>
    <message>
        <source>Next try in %1.</source>
        <translation>Prochain essai dans %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>The syncthing program is not installed, so HubDesk syncs without it; install it (apt-get install syncthing) to sync through Syncthing.</source>
        <translation>Le programme syncthing n’est pas installé, HubDesk se synchronise donc sans lui ; installez-le (apt-get install syncthing) pour synchroniser par Syncthing.</translation>
    </message>
    <message>
        <source>The Syncthing at %1 does not answer; HubDesk syncs without it until it does.</source>
        <translation>Le Syncthing à l’adresse %1 ne répond pas ; HubDesk se synchronise sans lui jusqu’à ce qu’il réponde.</translation>
    </message>
    <message>
        <source>HubDesk&apos;s Syncthing could not start: %1</source>
        <translation>Le Syncthing de HubDesk n’a pas pu démarrer : %1</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>☰ Menu</source>
        <translation>☰ Menu</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
</context>
<context>
    <name>UpdateBanner</name>
    <message>
        <source>Install now</source>
        <translation>Installer maintenant</translation>
    </message>
    <message>
        <source>HubDesk %1 is ready to install.</source>
        <translation>HubDesk %1 est prêt à être installé.</translation>
    </message>
    <message>
        <source>This HubDesk runs from source: install the new version from the installer.</source>
        <translation>Ce HubDesk tourne depuis les sources : installez la nouvelle version avec l&apos;installateur.</translation>
    </message>
    <message>
        <source>Install HubDesk %1</source>
        <translation>Installer HubDesk %1</translation>
    </message>
    <message>
        <source>The learners&apos; data is backed up first, and HubDesk starts again when it is done. If something is wrong with the new version, the command &apos;hubdesk update rollback&apos; brings back this one with its data. Install now?</source>
        <translation>Les données des apprenants sont d&apos;abord sauvegardées, puis HubDesk redémarre. Si la nouvelle version pose problème, la commande « hubdesk update rollback » ramène celle-ci avec ses données. Installer maintenant ?</translation>
    </message>
    <message>
        <source>Installing HubDesk %1…</source>
        <translation>Installation de HubDesk %1…</translation>
    </message>
    <message>
        <source>HubDesk %1 is installed. Start it again to use it.</source>
        <translation>HubDesk %1 est installé. Relancez-le pour l&apos;utiliser.</translation>
    </message>
    <message>
        <source>HubDesk %1 is installed</source>
        <translation>HubDesk %1 est installé</translation>
    </message>
    <message>
        <source>Close HubDesk now and start the new version?</source>
        <translation>Fermer HubDesk maintenant et lancer la nouvelle version ?</translation>
    </message>
    <message>
        <source>Something went wrong. It was noted in the log.</source>
        <translation>Un problème est survenu. Il a été noté dans le journal.</translation>
    </message>
    <message>
        <source>HubDesk was not updated: %1</source>
        <translation>HubDesk n&apos;a pas été mis à jour : %1</translation>
    </message>
</context>
<context>
    <name>WebLinkDialog</name>
    <message>
        <source>This link needs the internet</source>
        <translation>Ce lien a besoin d’internet</translation>
    </message>
    <message>
        <source>This link goes to a web page. It needs the internet, which this computer may not have now.</source>
        <translation>Ce lien mène à une page web. Il faut internet, que cet ordinateur n’a peut-être pas en ce moment.</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Adresse web</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copié.</translation>
    </message>
</context>
</TS>
