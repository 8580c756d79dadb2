<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>Accessibility</name>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Developments, Articles, Baseline and Timeline: Ctrl+1 to Ctrl+4</source>
        <translation>Faits nouveaux, Articles, Référence et Chronologie&#xa0;: Ctrl+1 à Ctrl+4</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Panneau latéral</translation>
    </message>
    <message>
        <source>All items, each tracked issue, starred, saved searches and feeds, with unread counts. F6 moves to the list</source>
        <translation>Tous les articles, chaque dossier suivi, les favoris, les recherches enregistrées et les fils, avec le nombre de non-lus. F6 passe à la liste</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>The items of the chosen scope. j and k move, n and p go to the next and previous unread item</source>
        <translation>Les articles de la sélection. j et k se déplacent, n et p vont à l’article non lu suivant ou précédent</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>The selected item, with the words that tagged it highlighted. Space shows the next screenful</source>
        <translation>L’article sélectionné, avec en surbrillance les mots qui l’ont étiqueté. La barre d’espace affiche l’écran suivant</translation>
    </message>
    <message>
        <source>Baseline facts</source>
        <translation>Faits de référence</translation>
    </message>
    <message>
        <source>The baseline facts of the selected item&apos;s issues</source>
        <translation>Les faits de référence des dossiers de l’article sélectionné</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>Rechercher des articles</translation>
    </message>
    <message>
        <source>Words, &quot;phrases&quot;, AND, OR, NOT. Ctrl+F comes here</source>
        <translation>Mots, «&#xa0;expressions&#xa0;», ET, OU, SAUF. Ctrl+F mène ici</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>Nouvelles</translation>
    </message>
    <message>
        <source>Stories under each tracked issue. Enter opens a story, the context menu marks read, merges and takes items out</source>
        <translation>Les nouvelles sous chaque dossier suivi. Entrée ouvre une nouvelle; le menu contextuel marque comme lu, fusionne et retire des articles</translation>
    </message>
    <message>
        <source>Fact details</source>
        <translation>Détails du fait</translation>
    </message>
    <message>
        <source>The selected baseline fact, its later reports and moves</source>
        <translation>Le fait de référence sélectionné, ses signalements ultérieurs et ses écarts</translation>
    </message>
    <message>
        <source>Failing feeds</source>
        <translation>Fils en échec</translation>
    </message>
    <message>
        <source>The feeds that could not be read, with their errors</source>
        <translation>Les fils qui n’ont pas pu être lus, avec leurs erreurs</translation>
    </message>
    <message>
        <source>Rules editor</source>
        <translation>Éditeur de règles</translation>
    </message>
    <message>
        <source>The issue&apos;s rules as a form or as JSON or TOML text</source>
        <translation>Les règles du dossier, en formulaire ou en texte JSON ou TOML</translation>
    </message>
    <message>
        <source>Rules as text</source>
        <translation>Règles en texte</translation>
    </message>
    <message>
        <source>The issue&apos;s rules in the chosen text format</source>
        <translation>Les règles du dossier dans le format de texte choisi</translation>
    </message>
    <message>
        <source>Term groups</source>
        <translation>Groupes de termes</translation>
    </message>
    <message>
        <source>The issue&apos;s term groups. Select one to edit it below</source>
        <translation>Les groupes de termes du dossier. Sélectionnez-en un pour le modifier ci-dessous</translation>
    </message>
    <message>
        <source>Digest preview</source>
        <translation>Aperçu de la synthèse</translation>
    </message>
    <message>
        <source>The digest as it will be written</source>
        <translation>La synthèse telle qu’elle sera rédigée</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Each command and its keys</source>
        <translation>Chaque commande et ses touches</translation>
    </message>
    <message>
        <source>The baseline facts under each tracked issue, with how many later items report on them; a moved fact is marked</source>
        <translation>Les faits de référence sous chaque dossier suivi, avec le nombre d’articles ultérieurs qui en parlent; un fait qui a bougé est marqué</translation>
    </message>
    <message>
        <source>Stop polling</source>
        <translation>Arrêter l’actualisation</translation>
    </message>
    <message>
        <source>Stops the poll that is running</source>
        <translation>Arrête l’actualisation en cours</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>The first day of the custom date range</source>
        <translation>Le premier jour de la période personnalisée</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>The last day of the custom date range</source>
        <translation>Le dernier jour de la période personnalisée</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Fils</translation>
    </message>
    <message>
        <source>The feeds with their category, health and interval</source>
        <translation>Les fils avec leur catégorie, leur état et leur intervalle</translation>
    </message>
    <message>
        <source>Tracked issues</source>
        <translation>Dossiers suivis</translation>
    </message>
    <message>
        <source>Select an issue to edit its name, colour and rules</source>
        <translation>Sélectionnez un dossier pour modifier son nom, sa couleur et ses règles</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>The issue&apos;s colour as #rrggbb</source>
        <translation>La couleur du dossier, en #rrvvbb</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Stored items that would gain or lose the tag</source>
        <translation>Les articles enregistrés qui recevraient ou perdraient l’étiquette</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>The digest&apos;s first moment (UTC)</source>
        <translation>Le début de la synthèse (UTC)</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu’à</translation>
    </message>
    <message>
        <source>The digest&apos;s last moment (UTC)</source>
        <translation>La fin de la synthèse (UTC)</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Poll now</source>
        <translation>&amp;Actualiser maintenant</translation>
    </message>
    <message>
        <source>Fetch every feed now</source>
        <translation>Relever tous les fils maintenant</translation>
    </message>
    <message>
        <source>&amp;Cancel poll</source>
        <translation>A&amp;nnuler l’actualisation</translation>
    </message>
    <message>
        <source>&amp;Export digest…</source>
        <translation>&amp;Exporter une synthèse…</translation>
    </message>
    <message>
        <source>&amp;Feeds…</source>
        <translation>F&amp;ils…</translation>
    </message>
    <message>
        <source>Add, edit and check feeds</source>
        <translation>Ajouter, modifier et vérifier les fils</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Marquer comme &amp;lu</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Marquer comme &amp;non lu</translation>
    </message>
    <message>
        <source>&amp;Star</source>
        <translation>&amp;Favori</translation>
    </message>
    <message>
        <source>Mark &amp;all read</source>
        <translation>&amp;Tout marquer comme lu</translation>
    </message>
    <message>
        <source>&amp;Undo mark all read</source>
        <translation>&amp;Annuler «&#xa0;Tout marquer comme lu&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Not about Canada–China</source>
        <translation>&amp;Hors sujet (pas Canada–Chine)</translation>
    </message>
    <message>
        <source>Hide this item from the lists</source>
        <translation>Retirer cet article des listes</translation>
    </message>
    <message>
        <source>A&amp;bout Canada–China</source>
        <translation>Au &amp;sujet du Canada et de la Chine</translation>
    </message>
    <message>
        <source>Keep this item in the lists</source>
        <translation>Garder cet article dans les listes</translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation>&amp;Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>&amp;Copier le lien</translation>
    </message>
    <message>
        <source>Put the item&apos;s web address on the clipboard</source>
        <translation>Copier l’adresse Web de l’article dans le presse-papiers</translation>
    </message>
    <message>
        <source>&amp;Next item</source>
        <translation>Article s&amp;uivant</translation>
    </message>
    <message>
        <source>&amp;Previous item</source>
        <translation>Article &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Developments</source>
        <translation>&amp;Faits nouveaux</translation>
    </message>
    <message>
        <source>&amp;Articles</source>
        <translation>&amp;Articles</translation>
    </message>
    <message>
        <source>&amp;Baseline</source>
        <translation>Ré&amp;férence</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Chronologie</translation>
    </message>
    <message>
        <source>&amp;Tracked issues…</source>
        <translation>&amp;Dossiers suivis…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>Add &amp;tag</source>
        <translation>Ajouter une éti&amp;quette</translation>
    </message>
    <message>
        <source>Remove t&amp;ag</source>
        <translation>Retirer une étiq&amp;uette</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>A&amp;rticle</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Issues</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>not about Canada–China</source>
        <translation>hors sujet (pas Canada–Chine)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>Search: words, &quot;phrases&quot;, AND / OR / NOT</source>
        <translation>Rechercher&#xa0;: mots, «&#xa0;expressions&#xa0;», ET / OU / SAUF</translation>
    </message>
    <message>
        <source>Show &amp;all items</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <source>Also list the items judged not about Canada–China (greyed)</source>
        <translation>Afficher aussi, en gris, les articles jugés hors sujet</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Enregistrer la recherche</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>No web browser could be started: copy the link and paste it into one.</source>
        <translation>Impossible d’ouvrir un navigateur Web&#xa0;: copiez le lien et collez-le dans un navigateur.</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>Aucun article sélectionné</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>source inconnue</translation>
    </message>
    <message>
        <source>also in: {}</source>
        <translation>aussi dans&#xa0;: {}</translation>
    </message>
    <message>
        <source>No tracked issue</source>
        <translation>Aucun dossier suivi</translation>
    </message>
    <message>
        <source>No baseline fact on this item&apos;s issues.</source>
        <translation>Aucun fait de référence sur les dossiers de cet article.</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Lien copié.</translation>
    </message>
</context>
<context>
    <name>BaselineDetail</name>
    <message>
        <source>Select a fact to read it in full here.</source>
        <translation>Sélectionnez un fait pour le lire ici en entier.</translation>
    </message>
    <message>
        <source>Double-click, or the button above, lists the items on this issue.</source>
        <translation>Un double-clic, ou le bouton ci-dessus, affiche les articles de ce dossier.</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) since the baseline</source>
        <translation>
            <numerusform>%n signalement depuis la référence</numerusform>
            <numerusform>%n signalements depuis la référence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n baseline fact(s)</source>
        <translation>
            <numerusform>%n fait de référence</numerusform>
            <numerusform>%n faits de référence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s)</source>
        <translation>
            <numerusform>%n média</numerusform>
            <numerusform>%n médias</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest {}</source>
        <translation>Dernière le {}</translation>
    </message>
    <message>
        <source>Double-click opens the story in Developments.</source>
        <translation>Un double-clic ouvre la nouvelle dans Faits nouveaux.</translation>
    </message>
</context>
<context>
    <name>BaselinePanel</name>
    <message>
        <source>counting…</source>
        <translation>décompte…</translation>
    </message>
    <message>
        <source>no later item</source>
        <translation>aucun article depuis</translation>
    </message>
    <message numerus="yes">
        <source>%Ln later item(s)</source>
        <translation>
            <numerusform>%Ln article depuis</numerusform>
            <numerusform>%Ln articles depuis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>moved — %n report(s)</source>
        <translation>
            <numerusform>écart — %n signalement</numerusform>
            <numerusform>écart — %n signalements</numerusform>
        </translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>List later items</source>
        <translation>Afficher les articles parus depuis</translation>
    </message>
    <message>
        <source>the baseline</source>
        <translation>la date de référence</translation>
    </message>
    <message>
        <source>What was true on {}</source>
        <translation>La situation au {}</translation>
    </message>
    <message>
        <source>. Each issue shows how many items arrived since and its latest stories; a fact that later items report differently is marked “moved”, with those reports.</source>
        <translation>. Chaque dossier indique combien d’articles sont parus depuis et ses dernières nouvelles; un fait que des articles plus récents rapportent autrement est marqué «&#xa0;écart&#xa0;», avec ces signalements.</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Double-click to list the items on this issue</source>
        <translation>Double-cliquez pour afficher les articles de ce dossier</translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s)</source>
        <translation>
            <numerusform>%n média</numerusform>
            <numerusform>%n médias</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest: {}</source>
        <translation>Dernière&#xa0;: {}</translation>
    </message>
    <message>
        <source>Double-click to open the story in Developments</source>
        <translation>Double-cliquez pour ouvrir la nouvelle dans Faits nouveaux</translation>
    </message>
    <message>
        <source>What the fact says</source>
        <translation>Ce que dit le fait</translation>
    </message>
    <message>
        <source>reported by {}</source>
        <translation>rapporté par {}</translation>
    </message>
    <message>
        <source>{what}: baseline {baseline}, reported {reported}</source>
        <translation>{what}&#xa0;: référence {baseline}, rapporté {reported}</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln earlier report(s)</source>
        <translation>
            <numerusform>… et %Ln signalement antérieur</numerusform>
            <numerusform>… et %Ln signalements antérieurs</numerusform>
        </translation>
    </message>
    <message>
        <source>List items on {}</source>
        <translation>Afficher les articles — {}</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>timed out after {seconds} s</source>
        <translation>délai dépassé après {seconds} s</translation>
    </message>
    <message>
        <source>connect timed out after {seconds} s</source>
        <translation>délai de connexion dépassé après {seconds} s</translation>
    </message>
    <message>
        <source>connection failed: {reason}</source>
        <translation>échec de la connexion&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{kind}: {reason}</source>
        <translation>{kind}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>too many redirects (more than {count})</source>
        <translation>trop de redirections (plus de {count})</translation>
    </message>
    <message>
        <source>body exceeds {size}</source>
        <translation>le contenu dépasse {size}</translation>
    </message>
    <message>
        <source>unsupported content encoding: {encoding}</source>
        <translation>encodage de contenu non pris en charge&#xa0;: {encoding}</translation>
    </message>
    <message>
        <source>cannot decode the {encoding} body</source>
        <translation>impossible de décoder le contenu {encoding}</translation>
    </message>
    <message>
        <source>invalid URL: {url}</source>
        <translation>adresse invalide&#xa0;: {url}</translation>
    </message>
    <message>
        <source>invalid redirect location: {url}</source>
        <translation>adresse de redirection invalide&#xa0;: {url}</translation>
    </message>
    <message>
        <source>invalid URL (no host): {url}</source>
        <translation>adresse invalide (aucun hôte)&#xa0;: {url}</translation>
    </message>
    <message>
        <source>URL scheme {scheme}: refused</source>
        <translation>protocole {scheme}&#xa0;: refusé</translation>
    </message>
    <message>
        <source>redirect to {scheme}: refused</source>
        <translation>redirection vers {scheme}&#xa0;: refusée</translation>
    </message>
    <message>
        <source>HTTP {status} {phrase}</source>
        <translation>{phrase} (HTTP {status})</translation>
    </message>
    <message>
        <source>HTTP {status}</source>
        <translation>erreur HTTP {status}</translation>
    </message>
    <message>
        <source>HTTP {status} {phrase} without a Location</source>
        <translation>redirection HTTP {status} ({phrase}) sans adresse de destination</translation>
    </message>
    <message>
        <source>HTTP 410 Gone: no longer polled</source>
        <translation>HTTP 410, supprimé par le site&#xa0;: n’est plus relevé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>empty body</source>
        <translation>réponse vide</translation>
    </message>
    <message>
        <source>not a feed</source>
        <translation>ce n’est pas un fil</translation>
    </message>
    <message>
        <source>not a feed (HTML page)</source>
        <translation>ce n’est pas un fil (page HTML)</translation>
    </message>
    <message>
        <source>parser failed: {kind}</source>
        <translation>échec de l’analyse&#xa0;: {kind}</translation>
    </message>
    <message>
        <source>unreadable character encoding</source>
        <translation>encodage des caractères illisible</translation>
    </message>
    <message>
        <source>only the first {kept} of {count} items kept</source>
        <translation>seuls les {kept} premiers articles sur {count} ont été gardés</translation>
    </message>
    <message>
        <source>entity declarations ignored</source>
        <translation>déclarations d’entités ignorées</translation>
    </message>
    <message>
        <source>not well-formed XML: {count} bare &amp; read as text</source>
        <translation>XML mal formé&#xa0;: «&#xa0;&amp;&#xa0;» isolé lu comme du texte ({count})</translation>
    </message>
    <message>
        <source>declared as {encoding}, but encoded as UTF-8</source>
        <translation>déclaré en {encoding}, mais encodé en UTF-8</translation>
    </message>
    <message>
        <source>not well-formed</source>
        <translation>mal formé</translation>
    </message>
    <message>
        <source>not well-formed XML at line {line}, column {column}: {problem}</source>
        <translation>XML mal formé à la ligne {line}, colonne {column}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{content_type} is not an XML media type</source>
        <translation>{content_type} n’est pas un type de média XML</translation>
    </message>
    <message>
        <source>no Content-type specified</source>
        <translation>aucun Content-Type indiqué</translation>
    </message>
    <message>
        <source>document declared as {declared}, but parsed as {encoding}</source>
        <translation>document déclaré en {declared}, mais lu en {encoding}</translation>
    </message>
    <message>
        <source>document encoding unknown, I tried {tried} but nothing worked</source>
        <translation>encodage du document inconnu&#xa0;: aucun des essais n’a réussi ({tried})</translation>
    </message>
    <message>
        <source>warning: {warning}</source>
        <translation>avertissement&#xa0;: {warning}</translation>
    </message>
    <message>
        <source>internal error: {kind}: {reason}</source>
        <translation>erreur interne&#xa0;: {kind}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>internal error</source>
        <translation>erreur interne</translation>
    </message>
    <message>
        <source>could not put new items in stories: {reason}</source>
        <translation>impossible de classer les nouveaux articles en nouvelles&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the poll process stopped unexpectedly (exit status {status})</source>
        <translation>le processus d’actualisation s’est arrêté de façon inattendue (code de sortie {status})</translation>
    </message>
    <message>
        <source>the feed address is empty: give an http:// or https:// address</source>
        <translation>l’adresse du fil est vide&#xa0;: entrez une adresse http:// ou https://</translation>
    </message>
    <message>
        <source>the feed address is {length} characters long; at most {limit} are accepted</source>
        <translation>l’adresse du fil compte {length} caractères; {limit} au plus sont acceptés</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a valid web address</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une adresse Web valide</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; uses {scheme}:, but only http and https feeds can be followed</source>
        <translation>«&#xa0;{text}&#xa0;» utilise {scheme}:, mais seuls les fils http et https peuvent être suivis</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a web address: it must start with http:// or https://</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une adresse Web&#xa0;: elle doit commencer par http:// ou https://</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has no host name after {scheme}://</source>
        <translation>«&#xa0;{text}&#xa0;» n’a pas de nom d’hôte après {scheme}://</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; contains spaces or control characters</source>
        <translation>«&#xa0;{text}&#xa0;» contient des espaces ou des caractères de contrôle</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has a bad port: it must be a number from 1 to 65535</source>
        <translation>«&#xa0;{text}&#xa0;» a un port invalide&#xa0;: ce doit être un nombre de 1 à 65&#xa0;535</translation>
    </message>
    <message>
        <source>could not fetch {url}</source>
        <translation>impossible de récupérer {url}</translation>
    </message>
    <message>
        <source>{url} is neither a feed nor a page that links to one</source>
        <translation>{url} n’est ni un fil ni une page qui mène à un fil</translation>
    </message>
    <message>
        <source>{path}: the {what} is larger than {size}</source>
        <translation>{path}&#xa0;: le {what} dépasse {size}</translation>
    </message>
    <message>
        <source>{path}: cannot read the {what}: {reason}</source>
        <translation>{path}&#xa0;: impossible de lire le {what}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path}: no such {what}</source>
        <translation>{path}&#xa0;: {what} introuvable</translation>
    </message>
    <message>
        <source>{path}: is a directory, not a {what}</source>
        <translation>{path}&#xa0;: c’est un dossier, pas un {what}</translation>
    </message>
    <message>
        <source>{path}: is a device, pipe or socket, not a regular {what}</source>
        <translation>{path}&#xa0;: c’est un périphérique, un tube ou un socket, pas un {what} ordinaire</translation>
    </message>
    <message>
        <source>longer than {size}</source>
        <translation>plus long que {size}</translation>
    </message>
    <message>
        <source>the OPML file is larger than 10 MiB</source>
        <translation>le fichier OPML dépasse 10 Mio</translation>
    </message>
    <message>
        <source>not an OPML file: the document is &lt;{tag}&gt;, not &lt;opml&gt;</source>
        <translation>ce n’est pas un fichier OPML&#xa0;: le document est &lt;{tag}&gt;, pas &lt;opml&gt;</translation>
    </message>
    <message>
        <source>not an OPML file: it has no &lt;body&gt;</source>
        <translation>ce n’est pas un fichier OPML&#xa0;: il n’a pas de &lt;body&gt;</translation>
    </message>
    <message>
        <source>the OPML file declares a DTD or XML entities, which are refused</source>
        <translation>le fichier OPML déclare une DTD ou des entités XML, qui sont refusées</translation>
    </message>
    <message>
        <source>not an OPML file: {reason}</source>
        <translation>ce n’est pas un fichier OPML&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the OPML file&apos;s encoding cannot be read ({reason}): save it as UTF-8</source>
        <translation>l’encodage du fichier OPML est illisible ({reason})&#xa0;: enregistrez-le en UTF-8</translation>
    </message>
    <message>
        <source>the OPML file nests outlines more than {depth} deep</source>
        <translation>le fichier OPML imbrique des éléments sur plus de {depth} niveaux</translation>
    </message>
    <message>
        <source>skipped &apos;{title}&apos;: {problem}</source>
        <translation>«&#xa0;{title}&#xa0;» ignoré&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>skipped &apos;{title}&apos;: listed twice</source>
        <translation>«&#xa0;{title}&#xa0;» ignoré&#xa0;: en double dans la liste</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>impossible d’écrire {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>cannot create {path}: {reason}</source>
        <translation>impossible de créer {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the period is empty: its start is not before its end</source>
        <translation>la période est vide&#xa0;: son début n’est pas avant sa fin</translation>
    </message>
    <message>
        <source>{name} must be a whole number of {unit}, {low} to {high}, not {value}</source>
        <translation>{name} doit être un nombre entier de {unit}, de {low} à {high}, et non {value}</translation>
    </message>
    <message>
        <source>{name} must be true or false, not {value}</source>
        <translation>{name} doit être vrai ou faux, et non {value}</translation>
    </message>
    <message>
        <source>the daily digest formats must be a list of {choices}, not {value}</source>
        <translation>les formats du résumé quotidien doivent être une liste parmi {choices}, et non {value}</translation>
    </message>
    <message>
        <source>unknown daily digest format {value} (choose from {choices})</source>
        <translation>format de résumé quotidien inconnu {value} (choisissez parmi {choices})</translation>
    </message>
    <message>
        <source>the daily digest folder must be a folder&apos;s path, not {value}</source>
        <translation>le dossier du résumé quotidien doit être le chemin d’un dossier, et non {value}</translation>
    </message>
    <message>
        <source>the daily digest time must be HH:MM, not {value}</source>
        <translation>l’heure du résumé quotidien doit être au format HH:MM, et non {value}</translation>
    </message>
    <message>
        <source>the language must be one of {choices}, not {value}</source>
        <translation>la langue doit être l’une de {choices}, et non {value}</translation>
    </message>
    <message>
        <source>expected one of {choices}, not {value}</source>
        <translation>attendu&#xa0;: l’un de {choices}, et non {value}</translation>
    </message>
    <message>
        <source>expected {kinds}, not {value}</source>
        <translation>attendu&#xa0;: {kinds}, et non {value}</translation>
    </message>
    <message>
        <source>rules: expected a mapping, got {kind}</source>
        <translation>règles&#xa0;: une table est attendue, et non {kind}</translation>
    </message>
    <message>
        <source>{where}: unknown key {key}</source>
        <translation>{where}&#xa0;: clé inconnue {key}</translation>
    </message>
    <message>
        <source>issues: expected a mapping of slug to rules</source>
        <translation>dossiers&#xa0;: une table associant chaque identifiant à ses règles est attendue</translation>
    </message>
    <message>
        <source>issues: bad issue slug {slug}</source>
        <translation>dossiers&#xa0;: identifiant de dossier invalide {slug}</translation>
    </message>
    <message>
        <source>{where}: no rules (expected a mapping with threshold and groups)</source>
        <translation>{where}&#xa0;: aucune règle (une table avec un seuil et des groupes est attendue)</translation>
    </message>
    <message>
        <source>{where}: issue_bonus belongs to the relevance rules only</source>
        <translation>{where}&#xa0;: issue_bonus n’a sa place que dans les règles de pertinence</translation>
    </message>
    <message>
        <source>{where}: groups must be a non-empty list</source>
        <translation>{where}&#xa0;: les groupes doivent former une liste non vide</translation>
    </message>
    <message>
        <source>{where}: two groups are named {name}</source>
        <translation>{where}&#xa0;: deux groupes s’appellent {name}</translation>
    </message>
    <message>
        <source>{where}: expected a mapping</source>
        <translation>{where}&#xa0;: une table est attendue</translation>
    </message>
    <message>
        <source>{where}: name {name} must be lower-case letters, digits, &apos;_&apos; or &apos;-&apos;</source>
        <translation>{where}&#xa0;: le nom {name} ne doit contenir que des minuscules, des chiffres, «&#xa0;_&#xa0;» ou «&#xa0;-&#xa0;»</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{where}: within must be a whole number of words, 0 or more</source>
        <translation>{where}&#xa0;: within doit être un nombre entier de mots, 0 ou plus</translation>
    </message>
    <message>
        <source>{where}: during must be two dates, [&quot;YYYY-MM-DD&quot;, &quot;YYYY-MM-DD&quot;]</source>
        <translation>{where}&#xa0;: during doit contenir deux dates, [&quot;AAAA-MM-JJ&quot;, &quot;AAAA-MM-JJ&quot;]</translation>
    </message>
    <message>
        <source>{where}: during ends before it starts</source>
        <translation>{where}&#xa0;: la période during se termine avant de commencer</translation>
    </message>
    <message>
        <source>{where}: langs must be ISO 639-1 codes such as &quot;fr&quot;, got {lang}</source>
        <translation>{where}&#xa0;: langs doit contenir des codes ISO 639-1 comme &quot;fr&quot;, et non {lang}</translation>
    </message>
    <message>
        <source>{where}: expected {wanted} of terms</source>
        <translation>{where}&#xa0;: {wanted} de termes attendue</translation>
    </message>
    <message>
        <source>{where}: {key} must be a list of {what}</source>
        <translation>{where}&#xa0;: {key} doit être une liste de {what}</translation>
    </message>
    <message>
        <source>{where}: require must be a list of group-name lists</source>
        <translation>{where}&#xa0;: require doit être une liste de listes de noms de groupes</translation>
    </message>
    <message>
        <source>{where}: require entry {entry} is not a list of group names</source>
        <translation>{where}&#xa0;: l’entrée {entry} de require n’est pas une liste de noms de groupes</translation>
    </message>
    <message>
        <source>{where}: require names unknown group {name}</source>
        <translation>{where}&#xa0;: require nomme un groupe inconnu, {name}</translation>
    </message>
    <message>
        <source>{where}: {key} must be a number, got {value}</source>
        <translation>{where}&#xa0;: {key} doit être un nombre, et non {value}</translation>
    </message>
    <message>
        <source>{where}: {key} must be more than {minimum}, got {value}</source>
        <translation>{where}&#xa0;: {key} doit être supérieur à {minimum}, et non {value}</translation>
    </message>
    <message>
        <source>{where}: {key} must be at least {minimum}, got {value}</source>
        <translation>{where}&#xa0;: {key} doit être d’au moins {minimum}, et non {value}</translation>
    </message>
    <message>
        <source>{scope}: group {group}</source>
        <translation>{scope}&#xa0;: groupe {group}</translation>
    </message>
    <message>
        <source>{where} is {key} unknown group {ref}</source>
        <translation>{where}&#xa0;: {key} nomme un groupe inconnu, {ref}</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text (byte {byte})</source>
        <translation>{path}&#xa0;: ce n’est pas du texte UTF-8 (octet {byte})</translation>
    </message>
    <message>
        <source>{path}: not valid TOML: {reason}</source>
        <translation>{path}&#xa0;: TOML invalide&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{path}: tables or arrays nested too deep to read</source>
        <translation>{path}&#xa0;: tables ou tableaux trop imbriqués pour être lus</translation>
    </message>
    <message>
        <source>relevance: the document has no [relevance] table</source>
        <translation>pertinence&#xa0;: le document n’a pas de table [relevance]</translation>
    </message>
    <message>
        <source>issues: every [[issues]] entry needs a slug</source>
        <translation>dossiers&#xa0;: chaque entrée [[issues]] doit avoir un identifiant (slug)</translation>
    </message>
    <message>
        <source>{slug}: the issue has no [issues.rules] table</source>
        <translation>{slug}&#xa0;: le dossier n’a pas de table [issues.rules]</translation>
    </message>
    <message>
        <source>a term must be text, not {kind}</source>
        <translation>un terme doit être du texte, et non {kind}</translation>
    </message>
    <message>
        <source>empty term</source>
        <translation>terme vide</translation>
    </message>
    <message>
        <source>&apos;*&apos; has no use in a term matched anywhere: {term}</source>
        <translation>«&#xa0;*&#xa0;» est inutile dans un terme reconnu n’importe où&#xa0;: {term}</translation>
    </message>
    <message>
        <source>&apos;=&apos; takes a single word without &apos;*&apos;: {term}</source>
        <translation>«&#xa0;=&#xa0;» s’emploie avec un seul mot, sans «&#xa0;*&#xa0;»&#xa0;: {term}</translation>
    </message>
    <message>
        <source>no letters or digits in term {term}</source>
        <translation>aucune lettre ni aucun chiffre dans le terme {term}</translation>
    </message>
    <message>
        <source>&apos;*&apos; may only end a word: {term}</source>
        <translation>«&#xa0;*&#xa0;» ne peut que terminer un mot&#xa0;: {term}</translation>
    </message>
    <message>
        <source>&apos;*&apos; needs at least two letters before it: {term}</source>
        <translation>«&#xa0;*&#xa0;» doit suivre au moins deux lettres&#xa0;: {term}</translation>
    </message>
    <message>
        <source>the database is busy: another program holds it ({path}); try again when it is done</source>
        <translation>la base de données est occupée&#xa0;: un autre programme l’utilise ({path}); réessayez quand il aura terminé</translation>
    </message>
    <message>
        <source>the disk is full: {path} could not be written ({detail}); free some space and try again</source>
        <translation>le disque est plein&#xa0;: impossible d’écrire {path} ({detail}); libérez de l’espace et réessayez</translation>
    </message>
    <message>
        <source>could not use {path}: {detail} (is the disk full or failing?)</source>
        <translation>impossible d’utiliser {path}&#xa0;: {detail} (le disque est-il plein ou défaillant?)</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}): restore the last good copy, or recover what is left with `sqlite3 {path} .recover &gt; fixed.sql`; nothing more will be written to it</source>
        <translation>{path} est endommagé ({detail})&#xa0;: restaurez la dernière bonne copie ou récupérez ce qui reste avec `sqlite3 {path} .recover &gt; fixed.sql`; plus rien n’y sera écrit</translation>
    </message>
    <message>
        <source>{path} is read-only ({detail}): make it and its folder writable, or choose another file with --db</source>
        <translation>{path} est en lecture seule ({detail})&#xa0;: rendez-le, ainsi que son dossier, accessible en écriture, ou choisissez un autre fichier avec --db</translation>
    </message>
    <message>
        <source>cannot open {path} ({detail}): is it, or its folder, read-only?</source>
        <translation>impossible d’ouvrir {path} ({detail})&#xa0;: le fichier ou son dossier est-il en lecture seule?</translation>
    </message>
    <message>
        <source>{url} is already in the feed list</source>
        <translation>{url} est déjà dans la liste des fils</translation>
    </message>
    <message>
        <source>no feed with id {id}</source>
        <translation>aucun fil portant le numéro {id}</translation>
    </message>
    <message>
        <source>no article with id {id}</source>
        <translation>aucun article portant le numéro {id}</translation>
    </message>
    <message>
        <source>no story with id {id}</source>
        <translation>aucun sujet portant le numéro {id}</translation>
    </message>
    <message>
        <source>article {id} is in no story</source>
        <translation>l’article {id} n’appartient à aucun sujet</translation>
    </message>
    <message>
        <source>a saved search named &apos;{name}&apos; exists already</source>
        <translation>une recherche enregistrée nommée «&#xa0;{name}&#xa0;» existe déjà</translation>
    </message>
    <message>
        <source>no saved search with id {id}</source>
        <translation>aucune recherche enregistrée portant le numéro {id}</translation>
    </message>
    <message>
        <source>cannot search for that: {detail}</source>
        <translation>recherche impossible&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Bad Request</source>
        <translation>requête invalide</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>authentification requise</translation>
    </message>
    <message>
        <source>Payment Required</source>
        <translation>paiement exigé</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>accès interdit</translation>
    </message>
    <message>
        <source>Not Found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <source>Method Not Allowed</source>
        <translation>méthode non permise</translation>
    </message>
    <message>
        <source>Not Acceptable</source>
        <translation>format non acceptable</translation>
    </message>
    <message>
        <source>Request Timeout</source>
        <translation>délai de requête dépassé</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <source>Too Many Requests</source>
        <translation>trop de requêtes</translation>
    </message>
    <message>
        <source>Unavailable For Legal Reasons</source>
        <translation>indisponible pour des raisons juridiques</translation>
    </message>
    <message>
        <source>Internal Server Error</source>
        <translation>erreur interne du serveur</translation>
    </message>
    <message>
        <source>Not Implemented</source>
        <translation>non pris en charge par le serveur</translation>
    </message>
    <message>
        <source>Bad Gateway</source>
        <translation>passerelle défaillante</translation>
    </message>
    <message>
        <source>Service Unavailable</source>
        <translation>service indisponible</translation>
    </message>
    <message>
        <source>Gateway Timeout</source>
        <translation>délai de la passerelle dépassé</translation>
    </message>
    <message>
        <source>Moved Permanently</source>
        <translation>déplacé définitivement</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>déplacé temporairement</translation>
    </message>
    <message>
        <source>See Other</source>
        <translation>voir une autre adresse</translation>
    </message>
    <message>
        <source>Temporary Redirect</source>
        <translation>redirection temporaire</translation>
    </message>
    <message>
        <source>Permanent Redirect</source>
        <translation>redirection permanente</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <source>Name or service not known</source>
        <translation>nom d’hôte introuvable</translation>
    </message>
    <message>
        <source>Temporary failure in name resolution</source>
        <translation>échec temporaire de la résolution du nom</translation>
    </message>
    <message>
        <source>No address associated with hostname</source>
        <translation>aucune adresse associée à ce nom d’hôte</translation>
    </message>
    <message>
        <source>Network is unreachable</source>
        <translation>réseau inaccessible</translation>
    </message>
    <message>
        <source>No route to host</source>
        <translation>hôte inaccessible</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>connexion interrompue par le serveur</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>plus d’espace libre sur le disque</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>système de fichiers en lecture seule</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>c’est un dossier</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>quota de disque dépassé</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>base de données ou disque plein</translation>
    </message>
    <message>
        <source>database is locked</source>
        <translation>base de données verrouillée</translation>
    </message>
    <message>
        <source>disk I/O error</source>
        <translation>erreur d’entrée-sortie du disque</translation>
    </message>
    <message>
        <source>attempt to write a readonly database</source>
        <translation>tentative d’écriture dans une base de données en lecture seule</translation>
    </message>
    <message>
        <source>file is not a database</source>
        <translation>le fichier n’est pas une base de données</translation>
    </message>
    <message>
        <source>database disk image is malformed</source>
        <translation>image disque de la base de données endommagée</translation>
    </message>
    <message>
        <source>unable to open database file</source>
        <translation>impossible d’ouvrir le fichier de la base de données</translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation>erreur de syntaxe</translation>
    </message>
    <message>
        <source>no element found</source>
        <translation>aucun élément trouvé</translation>
    </message>
    <message>
        <source>not well-formed (invalid token)</source>
        <translation>mal formé (jeton invalide)</translation>
    </message>
    <message>
        <source>unclosed token</source>
        <translation>jeton non fermé</translation>
    </message>
    <message>
        <source>partial character</source>
        <translation>caractère incomplet</translation>
    </message>
    <message>
        <source>mismatched tag</source>
        <translation>balise fermante qui ne correspond pas</translation>
    </message>
    <message>
        <source>duplicate attribute</source>
        <translation>attribut en double</translation>
    </message>
    <message>
        <source>junk after document element</source>
        <translation>contenu après l’élément racine</translation>
    </message>
    <message>
        <source>undefined entity</source>
        <translation>entité non définie</translation>
    </message>
    <message>
        <source>reference to invalid character number</source>
        <translation>référence à un numéro de caractère invalide</translation>
    </message>
    <message>
        <source>reference to binary entity</source>
        <translation>référence à une entité binaire</translation>
    </message>
    <message>
        <source>reference to external entity in attribute</source>
        <translation>référence à une entité externe dans un attribut</translation>
    </message>
    <message>
        <source>XML or text declaration not at start of entity</source>
        <translation>déclaration XML ailleurs qu’au début du document</translation>
    </message>
    <message>
        <source>encoding specified in XML declaration is incorrect</source>
        <translation>encodage indiqué dans la déclaration XML incorrect</translation>
    </message>
    <message>
        <source>unclosed CDATA section</source>
        <translation>section CDATA non fermée</translation>
    </message>
    <message>
        <source>unbound prefix</source>
        <translation>préfixe d’espace de noms non déclaré</translation>
    </message>
    <message>
        <source>XML declaration not well-formed</source>
        <translation>déclaration XML mal formée</translation>
    </message>
    <message>
        <source>illegal character(s) in public id</source>
        <translation>caractère(s) interdit(s) dans l’identifiant public</translation>
    </message>
    <message>
        <source>OPML file</source>
        <translation>fichier OPML</translation>
    </message>
    <message>
        <source>rules file</source>
        <translation>fichier de règles</translation>
    </message>
    <message>
        <source>labels file</source>
        <translation>fichier d’étiquettes</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>the poll interval</source>
        <translation>l’intervalle de relève</translation>
    </message>
    <message>
        <source>the retention</source>
        <translation>la durée de conservation</translation>
    </message>
    <message>
        <source>Error: {}</source>
        <translation>Erreur&#xa0;: {}</translation>
    </message>
</context>
<context>
    <name>DailyDigest</name>
    <message>
        <source>Write a daily digest of the previous day</source>
        <translation>Rédiger chaque jour la synthèse de la veille</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>After (local time)</source>
        <translation>Après (heure locale)</translation>
    </message>
    <message>
        <source>Folder for daily digests</source>
        <translation>Dossier des synthèses quotidiennes</translation>
    </message>
</context>
<context>
    <name>Developments</name>
    <message>
        <source>That story is older than the baseline</source>
        <translation>Cette nouvelle est antérieure à la référence</translation>
    </message>
    <message>
        <source>since {}</source>
        <translation>depuis le {}</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>depuis toujours</translation>
    </message>
    <message numerus="yes">
        <source>%n story(ies)</source>
        <translation>
            <numerusform>%n nouvelle</numerusform>
            <numerusform>%n nouvelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non lue</numerusform>
            <numerusform>%n non lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a move</source>
        <translation>
            <numerusform>%n avec un écart</numerusform>
            <numerusform>%n avec un écart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %n story(ies)</source>
        <translation>
            <numerusform>%n nouvelle fusionnée</numerusform>
            <numerusform>%n nouvelles fusionnées</numerusform>
        </translation>
    </message>
    <message>
        <source>Took the item out into a story of its own</source>
        <translation>L’article forme maintenant une nouvelle distincte</translation>
    </message>
    <message>
        <source>Since the baseline</source>
        <translation>Depuis la référence</translation>
    </message>
    <message>
        <source>Since I last looked</source>
        <translation>Depuis ma dernière visite</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Stories of the latest day first, then those carried by more outlets, then the latest</source>
        <translation>Les nouvelles du dernier jour d’abord, puis celles que reprennent le plus de médias, puis les plus récentes</translation>
    </message>
    <message numerus="yes">
        <source> +%n more</source>
        <translation>
            <numerusform> et %n autre</numerusform>
            <numerusform> et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved: {baseline} → {reported}{more} ({what})</source>
        <translation>Écart&#xa0;: {baseline} → {reported}{more} ({what})</translation>
    </message>
</context>
<context>
    <name>DevelopmentsPanel</name>
    <message>
        <source>Mark story &amp;read</source>
        <translation>Marquer la nouvelle comme &amp;lue</translation>
    </message>
    <message>
        <source>&amp;Merge stories</source>
        <translation>&amp;Fusionner les nouvelles</translation>
    </message>
    <message>
        <source>Select two or more stories that report one happening, then merge them</source>
        <translation>Sélectionnez plusieurs nouvelles qui rapportent le même événement, puis fusionnez-les</translation>
    </message>
    <message>
        <source>&amp;Take out of this story</source>
        <translation>&amp;Retirer de cette nouvelle</translation>
    </message>
    <message>
        <source>Show stories</source>
        <translation>Nouvelles</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>gone</source>
        <translation>disparu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>No items yet. The app polls the feeds in the list; press F5 (Poll now) to start.</source>
        <translation>Aucun article pour l’instant. L’application relève les fils de la liste; appuyez sur F5 (Actualiser maintenant) pour commencer.</translation>
    </message>
    <message>
        <source>No items yet, and no feeds to poll: add a feed or import an OPML file.</source>
        <translation>Aucun article et aucun fil à relever&#xa0;: ajoutez un fil ou importez un fichier OPML.</translation>
    </message>
    <message>
        <source>Nothing to read yet</source>
        <translation>Rien à lire pour l’instant</translation>
    </message>
    <message>
        <source>Feeds that failed:</source>
        <translation>Fils en échec&#xa0;:</translation>
    </message>
    <message>
        <source>Add or edit feeds…</source>
        <translation>Ajouter ou modifier des fils…</translation>
    </message>
    <message>
        <source>Import OPML…</source>
        <translation>Importer un fichier OPML…</translation>
    </message>
    <message>
        <source>Items appear here as soon as the first feed brings something about Canada–China. Meanwhile the Baseline tab shows what the app watches for.</source>
        <translation>Les articles s’affichent ici dès qu’un fil apporte du nouveau sur les relations Canada–Chine. D’ici là, l’onglet Référence montre ce que l’application surveille.</translation>
    </message>
    <message>
        <source>Polling the feeds for the first time: {done} of {total} feeds done.</source>
        <translation>Première actualisation des fils&#xa0;: {done} sur {total} terminés.</translation>
    </message>
    <message>
        <source>The poll is done and brought nothing about Canada–China yet; {failed} of {feeds} feeds failed (below). Check their addresses, or add other feeds.</source>
        <translation>L’actualisation est terminée, sans rien encore sur les relations Canada–Chine; {failed} fils sur {feeds} sont en échec (ci-dessous). Vérifiez leurs adresses ou ajoutez d’autres fils.</translation>
    </message>
    <message>
        <source>The poll is done and brought nothing about Canada–China yet. The feeds are polled again on schedule; add more feeds to widen the net.</source>
        <translation>L’actualisation est terminée, sans rien encore sur les relations Canada–Chine. Les fils seront relevés de nouveau à l’heure prévue; ajoutez-en d’autres pour élargir la veille.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 j</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 j</translation>
    </message>
    <message>
        <source>Export digest</source>
        <translation>Exporter une synthèse</translation>
    </message>
    <message>
        <source>Only unread</source>
        <translation>Non lus seulement</translation>
    </message>
    <message>
        <source>Only starred</source>
        <translation>Favoris seulement</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>PDF page</source>
        <translation>Page PDF</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Choose at least one issue.</source>
        <translation>Choisissez au moins un dossier.</translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving {}…</source>
        <translation>Enregistrement de {}…</translation>
    </message>
    <message>
        <source>Saved {}</source>
        <translation>Enregistré&#xa0;: {}</translation>
    </message>
    <message>
        <source>Not saved: {}</source>
        <translation>Non enregistré&#xa0;: {}</translation>
    </message>
    <message>
        <source>Save digest</source>
        <translation>Enregistrer la synthèse</translation>
    </message>
</context>
<context>
    <name>FeedManager</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Dernier succès</translation>
    </message>
    <message>
        <source>Next poll</source>
        <translation>Prochain relevé</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Fils</translation>
    </message>
    <message>
        <source>Import OPML</source>
        <translation>Importer un fichier OPML</translation>
    </message>
    <message>
        <source>OPML (*.opml *.xml);;All files (*)</source>
        <translation>OPML (*.opml *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export OPML</source>
        <translation>Exporter en OPML</translation>
    </message>
    <message>
        <source>Feed address or web page, e.g. https://example.com/news</source>
        <translation>Adresse d’un fil ou d’une page Web, p. ex. https://example.com/nouvelles</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Poll this feed</source>
        <translation>Relever ce fil</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Poll now</source>
        <translation>Actualiser maintenant</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Déplacer vers…</translation>
    </message>
    <message>
        <source>Put the selected feeds in another category</source>
        <translation>Classer les fils sélectionnés dans une autre catégorie</translation>
    </message>
    <message>
        <source>Import OPML…</source>
        <translation>Importer un fichier OPML…</translation>
    </message>
    <message>
        <source>Export OPML…</source>
        <translation>Exporter en OPML…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation>Intervalle d’actualisation</translation>
    </message>
    <message>
        <source>soon</source>
        <translation>bientôt</translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) selected</source>
        <translation>
            <numerusform>%n fil sélectionné</numerusform>
            <numerusform>%n fils sélectionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n feed(s) and the items only they carried?</source>
        <translation>
            <numerusform>Supprimer %n fil et les articles qu’il est seul à avoir apportés?</numerusform>
            <numerusform>Supprimer %n fils et les articles qu’ils sont seuls à avoir apportés?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n feed(s).</source>
        <translation>
            <numerusform>%n fil supprimé.</numerusform>
            <numerusform>%n fils supprimés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n feed(s) to {path}.</source>
        <translation>
            <numerusform>%n fil exporté dans {path}.</numerusform>
            <numerusform>%n fils exportés dans {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already listed</source>
        <translation>
            <numerusform>%n déjà dans la liste</numerusform>
            <numerusform>%n déjà dans la liste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped ({first})</source>
        <translation>
            <numerusform>%n ignoré ({first})</numerusform>
            <numerusform>%n ignorés ({first})</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Delete the feed “{}” and the items only it carried?</source>
        <translation>Supprimer le fil «&#xa0;{}&#xa0;» et les articles qu’il est seul à avoir apportés?</translation>
    </message>
    <message>
        <source>Deleted {}.</source>
        <translation>Supprimé&#xa0;: {}.</translation>
    </message>
    <message>
        <source>Enabled {}.</source>
        <translation>Activé&#xa0;: {}.</translation>
    </message>
    <message>
        <source>Disabled {}.</source>
        <translation>Désactivé&#xa0;: {}.</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>aucune catégorie</translation>
    </message>
    <message>
        <source>Moved {feeds} to {where}.</source>
        <translation>Déplacé&#xa0;: {feeds} vers {where}.</translation>
    </message>
    <message>
        <source>Move feeds</source>
        <translation>Déplacer des fils</translation>
    </message>
    <message>
        <source>Category (leave empty for none):</source>
        <translation>Catégorie (vide pour aucune)&#xa0;:</translation>
    </message>
    <message>
        <source>Looking for feeds at {}…</source>
        <translation>Recherche de fils à l’adresse {}…</translation>
    </message>
    <message>
        <source>Could not look up that address: {}</source>
        <translation>Impossible de consulter cette adresse&#xa0;: {}</translation>
    </message>
    <message>
        <source>Added {}.</source>
        <translation>Ajouté&#xa0;: {}.</translation>
    </message>
    <message>
        <source>Choose a feed</source>
        <translation>Choisir un fil</translation>
    </message>
    <message>
        <source>This page offers several feeds:</source>
        <translation>Cette page propose plusieurs fils&#xa0;:</translation>
    </message>
    <message>
        <source>Delete feed</source>
        <translation>Supprimer le fil</translation>
    </message>
    <message>
        <source>Could not import {path}: {error}</source>
        <translation>Impossible d’importer {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>Impossible d’écrire {path}&#xa0;: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s)</source>
        <translation>
            <numerusform>%n fil</numerusform>
            <numerusform>%n fils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new feed(s)</source>
        <translation>
            <numerusform>%n nouveau fil importé</numerusform>
            <numerusform>%n nouveaux fils importés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <source>Any time</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Since the baseline</source>
        <translation>Depuis la référence</translation>
    </message>
    <message>
        <source>Between dates…</source>
        <translation>Entre deux dates…</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>ok</source>
        <translation>fonctionnel</translation>
    </message>
    <message>
        <source>not modified</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>disparu</translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation>pas encore relevé</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>not polled (disabled)</source>
        <translation>non relevé (désactivé)</translation>
    </message>
    <message>
        <source>State: {}</source>
        <translation>État&#xa0;: {}</translation>
    </message>
    <message>
        <source>Last error: {}</source>
        <translation>Dernière erreur&#xa0;: {}</translation>
    </message>
    <message>
        <source>Last success: {}</source>
        <translation>Dernier succès&#xa0;: {}</translation>
    </message>
    <message>
        <source>as soon as possible</source>
        <translation>dès que possible</translation>
    </message>
    <message>
        <source>Next poll: {}</source>
        <translation>Prochain relevé&#xa0;: {}</translation>
    </message>
</context>
<context>
    <name>Highlight</name>
    <message>
        <source>tagged by hand</source>
        <translation>étiqueté à la main</translation>
    </message>
    <message>
        <source>matched the rules</source>
        <translation>correspond aux règles</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Next &amp;unread</source>
        <translation>Non lu s&amp;uivant</translation>
    </message>
    <message>
        <source>Pre&amp;vious unread</source>
        <translation>Non lu pré&amp;cédent</translation>
    </message>
    <message>
        <source>Page down, then next unread</source>
        <translation>Page suivante, puis non lu suivant</translation>
    </message>
    <message>
        <source>Focus the next pane</source>
        <translation>Passer au volet suivant</translation>
    </message>
    <message>
        <source>Focus the previous pane</source>
        <translation>Passer au volet précédent</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>No more unread items in this list</source>
        <translation>Plus aucun article non lu dans cette liste</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Canada–China Monitor</source>
        <translation>Veille Canada–Chine</translation>
    </message>
    <message>
        <source>Developments</source>
        <translation>Faits nouveaux</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Enregistrer la recherche</translation>
    </message>
    <message>
        <source>Name of the saved search:</source>
        <translation>Nom de la recherche enregistrée&#xa0;:</translation>
    </message>
    <message>
        <source>{title} {version}
Database: {path}</source>
        <translation>{title} {version}
Base de données&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <source>{total} new: {counts}</source>
        <translation>{total} nouveaux&#xa0;: {counts}</translation>
    </message>
</context>
<context>
    <name>PollLine</name>
    <message>
        <source>Mon</source>
        <translation>lun.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mer.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ven.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sam.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dim.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ok</source>
        <translation>
            <numerusform>%Ln fonctionnel</numerusform>
            <numerusform>%Ln fonctionnels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln en échec</numerusform>
            <numerusform>%Ln en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln ignoré</numerusform>
            <numerusform>%Ln ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln feed(s)</source>
        <translation>
            <numerusform>%Ln fil</numerusform>
            <numerusform>%Ln fils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new item(s)</source>
        <translation>
            <numerusform>%Ln nouvel article</numerusform>
            <numerusform>%Ln nouveaux articles</numerusform>
        </translation>
    </message>
    <message>
        <source>{feeds}: {counts}; {new}</source>
        <translation>{feeds}&#xa0;: {counts}; {new}</translation>
    </message>
    <message numerus="yes">
        <source>%n story(ies) grew</source>
        <translation>
            <numerusform>%n nouvelle enrichie</numerusform>
            <numerusform>%n nouvelles enrichies</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>Last poll {}</source>
        <translation>Dernière actualisation {}</translation>
    </message>
    <message>
        <source>Not polled yet</source>
        <translation>Aucune actualisation encore</translation>
    </message>
    <message>
        <source>next poll {}</source>
        <translation>prochaine {}</translation>
    </message>
</context>
<context>
    <name>PollStatus</name>
    <message>
        <source>%v / %m feeds</source>
        <translation>%v / %m fils</translation>
    </message>
    <message>
        <source>Stop polling</source>
        <translation>Arrêter l’actualisation</translation>
    </message>
    <message>
        <source>Polling feeds…</source>
        <translation>Actualisation des fils…</translation>
    </message>
    <message numerus="yes">
        <source>Polling feeds… %Ln new</source>
        <translation>
            <numerusform>Actualisation des fils… %Ln nouveau</numerusform>
            <numerusform>Actualisation des fils… %Ln nouveaux</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PollWorker</name>
    <message>
        <source>polling failed: {}</source>
        <translation>échec de la relève&#xa0;: {}</translation>
    </message>
</context>
<context>
    <name>Polling</name>
    <message>
        <source>Daily digest not written: {}</source>
        <translation>Synthèse quotidienne non rédigée&#xa0;: {}</translation>
    </message>
</context>
<context>
    <name>Punctuation</name>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>“{}”</source>
        <translation>«&#xa0;{}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message numerus="yes">
        <source>Marked %n item(s) read (Edit › Undo mark all read)</source>
        <translation>
            <numerusform>%n article marqué comme lu (Édition › Annuler pour revenir en arrière)</numerusform>
            <numerusform>%n articles marqués comme lus (Édition › Annuler pour revenir en arrière)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) unread again</source>
        <translation>
            <numerusform>%n article de nouveau non lu</numerusform>
            <numerusform>%n articles de nouveau non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked as about Canada–China</source>
        <translation>Marqué comme portant sur les relations Canada–Chine</translation>
    </message>
    <message>
        <source>Marked as not about Canada–China</source>
        <translation>Marqué comme hors sujet</translation>
    </message>
    <message>
        <source>No web browser could be started; Article › Copy link (L) copies {}</source>
        <translation>Impossible d’ouvrir un navigateur Web; Article › Copier le lien (L) copie {}</translation>
    </message>
    <message>
        <source>Copied {}</source>
        <translation>Copié&#xa0;: {}</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Tracked issues</source>
        <translation>Dossiers suivis</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Notify me of new items on this issue</source>
        <translation>M’aviser des nouveaux articles de ce dossier</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulaire</translation>
    </message>
    <message>
        <source>Text as</source>
        <translation>Texte en</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Save and retag</source>
        <translation>Enregistrer et réétiqueter</translation>
    </message>
    <message>
        <source>Restore shipped rules…</source>
        <translation>Rétablir les règles d’origine…</translation>
    </message>
    <message>
        <source>Put back this issue&apos;s rules as the app ships them</source>
        <translation>Remettre les règles de ce dossier telles que l’application les fournit</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Save the changes to “{}”?</source>
        <translation>Enregistrer les modifications de «&#xa0;{}&#xa0;»?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Issue colour</source>
        <translation>Couleur du dossier</translation>
    </message>
    <message>
        <source>Restore shipped rules</source>
        <translation>Rétablir les règles d’origine</translation>
    </message>
    <message>
        <source>This issue has no shipped rules.</source>
        <translation>Ce dossier n’a pas de règles d’origine.</translation>
    </message>
    <message>
        <source>Replace the rules of {} in the editor with the shipped ones?</source>
        <translation>Remplacer dans l’éditeur les règles de «&#xa0;{}&#xa0;» par celles d’origine?</translation>
    </message>
    <message>
        <source>The shipped rules are in the editor: Save and retag to apply them.</source>
        <translation>Les règles d’origine sont dans l’éditeur&#xa0;: cliquez sur Enregistrer et réétiqueter pour les appliquer.</translation>
    </message>
    <message>
        <source>&apos;{}&apos; is not a colour (use #rrggbb)</source>
        <translation>«&#xa0;{}&#xa0;» n’est pas une couleur (utilisez #rrvvbb)</translation>
    </message>
    <message>
        <source>Previewing…</source>
        <translation>Aperçu en cours…</translation>
    </message>
    <message numerus="yes">
        <source> (first %n shown)</source>
        <translation>
            <numerusform> (%n premier affiché)</numerusform>
            <numerusform> (%n premiers affichés)</numerusform>
        </translation>
    </message>
    <message>
        <source>Among the {scanned} newest stored items, {gains} would gain the tag and {losses} would lose it{cut}.</source>
        <translation>Parmi les {scanned} articles les plus récents, {gains} recevraient l’étiquette et {losses} la perdraient{cut}.</translation>
    </message>
    <message>
        <source>+ would gain</source>
        <translation>+ la recevrait</translation>
    </message>
    <message>
        <source>− would lose</source>
        <translation>− la perdrait</translation>
    </message>
    <message>
        <source>Saved. Retagging stored items in the background…</source>
        <translation>Enregistré. Réétiquetage des articles en arrière-plan…</translation>
    </message>
    <message>
        <source>Saved. Retagged {total} items; {relevant} about Canada–China.</source>
        <translation>Enregistré. {total} articles réétiquetés; {relevant} portent sur les relations Canada–Chine.</translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message>
        <source>Added per distinct term that hits; negative for distractors</source>
        <translation>Ajouté pour chaque terme distinct trouvé; négatif pour les termes trompeurs</translation>
    </message>
    <message>
        <source>At most this many hits count (a title hit counts as the title weight)</source>
        <translation>Nombre maximal de correspondances comptées (une correspondance dans le titre vaut le poids du titre)</translation>
    </message>
    <message>
        <source>Words within which a &apos;near&apos; or &apos;unless near&apos; group must hit</source>
        <translation>Distance en mots à laquelle un groupe «&#xa0;près de&#xa0;» ou «&#xa0;sauf près de&#xa0;» doit correspondre</translation>
    </message>
    <message>
        <source>One term per line, e.g. canola or &quot;canola seed&quot;</source>
        <translation>Un terme par ligne, p. ex. canola ou &quot;graines de canola&quot;</translation>
    </message>
    <message>
        <source>Terms that void a hit where they overlap it, one per line</source>
        <translation>Termes qui annulent une correspondance qu’ils chevauchent, un par ligne</translation>
    </message>
    <message>
        <source>Groups one of which must hit nearby: name, scope:name</source>
        <translation>Groupes dont l’un doit correspondre à proximité&#xa0;: nom, portée:nom</translation>
    </message>
    <message>
        <source>Groups whose hit nearby voids this group&apos;s hit</source>
        <translation>Groupes dont une correspondance à proximité annule celle de ce groupe</translation>
    </message>
    <message>
        <source>Gazetteer entries whose names are terms too: id or tag:a+b</source>
        <translation>Entrées du répertoire dont les noms sont aussi des termes&#xa0;: id ou tag:a+b</translation>
    </message>
    <message>
        <source>Entries of resources/gazetteer.toml, e.g. hogue_commission, tag:interference+person</source>
        <translation>Entrées de resources/gazetteer.toml, p. ex. hogue_commission, tag:interference+person</translation>
    </message>
    <message>
        <source>Languages the group counts in (empty: all), e.g. fr, zh</source>
        <translation>Langues où le groupe compte (vide&#xa0;: toutes), p. ex. fr, zh</translation>
    </message>
    <message>
        <source>Why the group exists, for whoever edits the rules</source>
        <translation>Pourquoi le groupe existe, pour qui modifiera les règles</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Plafond</translation>
    </message>
    <message>
        <source>Within (words)</source>
        <translation>Distance (mots)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Termes</translation>
    </message>
    <message>
        <source>Gazetteer</source>
        <translation>Répertoire</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Exclure</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>Près de</translation>
    </message>
    <message>
        <source>Unless near</source>
        <translation>Sauf près de</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>The score an item needs to get the tag</source>
        <translation>Le pointage qu’un article doit atteindre pour recevoir l’étiquette</translation>
    </message>
    <message>
        <source>What a hit in the title counts; a hit in the summary counts 1</source>
        <translation>La valeur d’une correspondance dans le titre; dans le résumé, elle vaut 1</translation>
    </message>
    <message>
        <source>Groups that must hit: one of a, b; and one of c, d</source>
        <translation>Groupes obligatoires&#xa0;: l’un de a, b; et l’un de c, d</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>Ajouter un groupe</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>Retirer le groupe</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Title weight</source>
        <translation>Poids du titre</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoires</translation>
    </message>
    <message>
        <source>Term groups</source>
        <translation>Groupes de termes</translation>
    </message>
    <message>
        <source>Term group</source>
        <translation>Groupe de termes</translation>
    </message>
    <message numerus="yes">
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n terme</numerusform>
            <numerusform>%n termes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesText</name>
    <message>
        <source>not valid JSON: {message} (line {line}, column {column})</source>
        <translation>JSON non valide&#xa0;: {message} (ligne {line}, colonne {column})</translation>
    </message>
    <message>
        <source>not valid TOML: {}</source>
        <translation>TOML non valide&#xa0;: {}</translation>
    </message>
    <message>
        <source>the rules must be a table of settings ({…} in JSON)</source>
        <translation>les règles doivent former une table de paramètres ({…} en JSON)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>This desktop has no system tray, so closing the window quits the app.</source>
        <translation>Ce bureau n’a pas de zone de notification&#xa0;: fermer la fenêtre quitte l’application.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Notify me when new items arrive on tracked issues</source>
        <translation>M’aviser de l’arrivée de nouveaux articles sur les dossiers suivis</translation>
    </message>
    <message>
        <source>Closing the window keeps the app in the system tray</source>
        <translation>Fermer la fenêtre garde l’application dans la zone de notification</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Items judged not about Canada–China are forgotten after this long</source>
        <translation>Les articles jugés hors sujet sont effacés après ce délai</translation>
    </message>
    <message>
        <source>Automatic (the system&apos;s language)</source>
        <translation>Automatique (langue du système)</translation>
    </message>
    <message>
        <source>Takes effect the next time the app starts</source>
        <translation>S’applique au prochain démarrage de l’application</translation>
    </message>
    <message>
        <source>Poll feeds every</source>
        <translation>Actualiser les fils toutes les</translation>
    </message>
    <message>
        <source>Keep items not about Canada–China</source>
        <translation>Conserver les articles hors sujet</translation>
    </message>
    <message>
        <source>Language (at the next start)</source>
        <translation>Langue (au prochain démarrage)</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All Canada–China</source>
        <translation>Tout Canada–Chine</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Recherches enregistrées</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Fils</translation>
    </message>
</context>
<context>
    <name>SidebarMenu</name>
    <message>
        <source>Rename saved search</source>
        <translation>Renommer la recherche enregistrée</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Poll now</source>
        <translation>&amp;Actualiser maintenant</translation>
    </message>
    <message>
        <source>&amp;Edit feed…</source>
        <translation>&amp;Modifier le fil…</translation>
    </message>
    <message>
        <source>Mark all &amp;read</source>
        <translation>Tout marquer comme &amp;lu</translation>
    </message>
    <message>
        <source>&amp;Open site</source>
        <translation>&amp;Ouvrir le site</translation>
    </message>
    <message>
        <source>&amp;Edit feeds…</source>
        <translation>&amp;Modifier les fils…</translation>
    </message>
    <message>
        <source>&amp;Disable feeds</source>
        <translation>&amp;Désactiver les fils</translation>
    </message>
    <message>
        <source>&amp;Poll all feeds now</source>
        <translation>&amp;Actualiser tous les fils maintenant</translation>
    </message>
    <message>
        <source>&amp;Edit rules…</source>
        <translation>&amp;Modifier les règles…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Re&amp;nommer…</translation>
    </message>
    <message>
        <source>Remove saved search</source>
        <translation>Supprimer la recherche enregistrée</translation>
    </message>
    <message>
        <source>&amp;Disable feed</source>
        <translation>&amp;Désactiver le fil</translation>
    </message>
    <message>
        <source>E&amp;nable feed</source>
        <translation>Acti&amp;ver le fil</translation>
    </message>
</context>
<context>
    <name>StoryTree</name>
    <message>
        <source>Story</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>Médias</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Première parution</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message numerus="yes">
        <source>%n+ story(ies)</source>
        <translation>
            <numerusform>%n+ nouvelle</numerusform>
            <numerusform>%n+ nouvelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n story(ies)</source>
        <translation>
            <numerusform>%n nouvelle</numerusform>
            <numerusform>%n nouvelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n avec écart</numerusform>
            <numerusform>%n avec écart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln non lu</numerusform>
            <numerusform>%Ln non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>{headline}
{items} ({unread}), {outlets}; latest {latest}</source>
        <translation>{headline}
{items} ({unread}), {outlets}; dernier le {latest}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s)</source>
        <translation>
            <numerusform>%n média</numerusform>
            <numerusform>%n médias</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Since the baseline</source>
        <translation>Depuis la référence</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>6 derniers mois</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Dernière année</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Jour (UTC)</translation>
    </message>
    <message>
        <source>Week, Monday to Sunday (UTC)</source>
        <translation>Semaine, du lundi au dimanche (UTC)</translation>
    </message>
    <message>
        <source>Month (UTC)</source>
        <translation>Mois (UTC)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>(all issues: {})</source>
        <translation>(tous dossiers&#xa0;: {})</translation>
    </message>
    <message>
        <source>items</source>
        <translation>articles</translation>
    </message>
    <message>
        <source>{} — hover over a bar for its count</source>
        <translation>{} — survolez une barre pour en voir le nombre</translation>
    </message>
    <message>
        <source>Bars stack the items on each issue; dashed lines mark the baseline&apos;s events.</source>
        <translation>Les barres empilent les articles de chaque dossier; les tirets marquent les événements de la référence.</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Période&#xa0;:</translation>
    </message>
    <message>
        <source>Week of {}</source>
        <translation>Semaine du {}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show window</source>
        <translation>Afficher la fenêtre</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Canada–China Monitor: {} unread</source>
        <translation>Veille Canada–Chine&#xa0;: {} non lus</translation>
    </message>
</context>
</TS>
