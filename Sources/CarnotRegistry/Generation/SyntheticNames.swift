/// The names a synthetic log gives its entities.
///
/// A renamed entity takes its next *generation* of name, and no two generations of one entity's name are
/// spelled alike: a rename never repeats the name an entity had on any day, which keeps back-dated renames,
/// retracted ones and corrected ones valid whatever the order they are folded in.
enum SyntheticNames {
    static let topics = [
        "Énergie", "Matériaux", "Chimie", "Mécanique", "Numérique", "Santé", "Agroalimentaire", "Océan",
        "Aéronautique", "Photonique", "Environnement", "Biotechnologies", "Microélectronique", "Robotique",
        "Construction", "Transports", "Textile", "Géosciences", "Eau", "Imagerie", "Cognition", "Procédés",
        "Calcul", "Acoustique", "Nucléaire", "Plasturgie", "Forêt-Bois", "Énergies marines", "Vaccins", "Sécurité",
    ]

    static let places = [
        "Grenoble", "Lyon", "Nantes", "Toulouse", "Bordeaux", "Lille", "Strasbourg", "Rennes", "Montpellier",
        "Marseille", "Nancy", "Clermont", "Saclay", "Paris", "Brest", "Rouen", "Caen", "Poitiers", "Limoges",
        "Dijon", "Besançon", "Pau", "Compiègne", "Troyes", "Saint-Étienne", "Nice", "Metz", "Tours", "Orléans",
        "Angers",
    ]

    static let schoolStems = [
        "École nationale supérieure", "École d'ingénieurs", "Institut polytechnique", "École des mines",
        "École centrale", "Institut national des sciences appliquées", "École supérieure", "Université de technologie",
        "Institut d'optique", "Laboratoire d'excellence",
    ]

    /// Parent institutions of schools, and home institutions of institutes.
    static let parents = [
        "CNRS", "Inria", "CEA", "Institut Mines-Télécom", "INRAE", "Université de Lyon", "Université Grenoble Alpes",
        "Université Paris-Saclay", "Arts et Métiers", "Université de Bordeaux", "Université de Lorraine", "Ifremer",
        "ONERA", "IFP Energies nouvelles", "Université de Strasbourg", "Sorbonne Université", "Université de Toulouse",
        "Université Côte d'Azur", "Armines", "Inserm",
    ]

    static let givenNames = [
        "Claire", "Jean", "Marie", "Philippe", "Isabelle", "Laurent", "Sophie", "Pierre", "Nathalie", "Alain",
        "Catherine", "Olivier", "Anne", "François", "Valérie", "Thierry", "Hélène", "Christian", "Sylvie", "Michel",
        "Camille", "Nicolas", "Julie", "Stéphane", "Agnès",
    ]

    static let familyNames = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
        "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
    ]

    /// An institute's name in its `generation`.
    static func institute(topic: Int, place: Int, generation: Int) -> String {
        let topic = topics[topic], place = places[place]
        let forms = [
            "Carnot \(topic) \(place)", "Institut Carnot \(topic) \(place)", "Carnot \(topic) & Systèmes \(place)",
            "Carnot \(place) \(topic)", "Carnot \(topic) Innovation \(place)",
        ]
        return numbered(forms, generation)
    }

    /// A school's name in its `generation`.
    static func school(stem: Int, topic: Int, place: Int, generation: Int) -> String {
        let stem = schoolStems[stem], topic = topics[topic], place = places[place]
        let forms = [
            "\(stem) de \(place)", "\(stem) \(topic) de \(place)", "\(stem) de \(place) – \(topic)",
            "\(stem) \(place)", "\(stem) de \(place) et \(topic)",
        ]
        return numbered(forms, generation)
    }

    static func person(given: Int, family: Int) -> String {
        "\(givenNames[given]) \(familyNames[family])"
    }

    static func consortium(topic: Int, index: Int) -> String {
        let forms = ["Carnot filière \(topics[topic])", "Consortium \(topics[topic])", "Alliance Carnot \(topics[topic])"]
        return forms[index % forms.count] + (index >= forms.count ? " \(index / forms.count + 1)" : "")
    }

    /// An id made by the generator, which only makes well-formed ones.
    static func id(_ text: String) -> EntityID {
        guard let id = EntityID(text) else { preconditionFailure("generated id '\(text)' breaks the id rule") }
        return id
    }

    /// `prefix-000n`, padded to `width` digits.
    static func id(_ prefix: String, _ number: Int, width: Int) -> EntityID {
        let digits = String(number)
        return id("\(prefix)-" + String(repeating: "0", count: max(0, width - digits.count)) + digits)
    }

    private static func numbered(_ forms: [String], _ generation: Int) -> String {
        forms[generation % forms.count] + (generation >= forms.count ? " (\(generation / forms.count + 1))" : "")
    }
}
