package io.atspro.resume;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Words that tell a job title from a company name, and an institution from anything else. */
final class Vocabulary {

    private static final Set<String> TITLE_WORDS = Text.setOf(
            "engineer", "engineering", "developer", "development", "manager", "management", "analyst", "designer",
            "director", "lead", "leader", "consultant", "intern", "internship", "specialist", "architect",
            "scientist", "administrator", "admin", "officer", "coordinator", "associate", "head", "vp", "vice",
            "president", "cto", "ceo", "cfo", "coo", "cio", "ciso", "founder", "co-founder", "cofounder", "owner",
            "assistant", "technician", "nurse", "teacher", "professor", "lecturer", "accountant", "representative",
            "executive", "programmer", "researcher", "editor", "writer", "strategist", "advisor", "adviser",
            "supervisor", "chef", "attorney", "lawyer", "paralegal", "recruiter", "marketer", "sre", "devops",
            "tester", "qa", "trainee", "apprentice", "fellow", "principal", "staff", "senior", "junior", "sr", "sr.",
            "jr", "jr.", "chief", "operator", "clerk", "agent", "planner", "producer", "photographer", "translator",
            "instructor", "tutor", "counselor", "counsellor", "therapist", "physician", "pharmacist", "mechanic",
            "electrician", "cashier", "barista", "volunteer", "contractor", "freelancer", "freelance", "secretary",
            "receptionist", "buyer", "controller", "auditor", "economist", "statistician", "biologist", "chemist",
            "physicist", "librarian", "curator", "artist", "animator", "illustrator", "copywriter", "journalist",
            "reporter", "generalist", "coach", "trainer", "investigator", "inspector", "surveyor", "estimator",
            "broker", "banker", "trader", "underwriter", "actuary", "dentist", "pilot", "partner", "ambassador",
            "evangelist", "advocate", "steward", "maintainer", "postdoc", "postdoctoral", "student", "scrum",
            "master", "member", "aide", "grader", "crew", "worker", "helper", "cook", "waiter", "server", "driver",
            "guard", "nanny", "caregiver", "technologist", "hygienist", "paramedic", "midwife", "pharmacologist",
            "engineer-in-training", "dgm", "gm", "agm", "avp", "svp", "evp", "md", "teller", "merchandiser",
            "storekeeper", "foreman", "welder", "fitter", "plumber", "carpenter", "machinist", "draftsman",
            "draughtsman", "editing", "demonstrator", "sergeant", "soldier", "lieutenant", "captain", "product",
            "programme", "program", "project", "support", "operations", "sales", "marketing", "hr", "ux", "ui",
            "full-stack", "fullstack", "frontend", "front-end", "backend", "back-end", "mobile", "data", "software",
            "security", "site", "reliability", "machine", "learning", "quality", "assurance");

    /** Title words so generic that they count only half: "Software" and "Data" name companies too. */
    private static final Set<String> WEAK_TITLE_WORDS = Text.setOf(
            "senior", "junior", "staff", "principal", "product", "program", "programme", "project", "support",
            "operations", "sales", "marketing", "mobile", "data", "software", "security", "site", "reliability",
            "machine", "learning", "quality", "assurance", "development", "engineering", "management", "master",
            "partner", "associate", "head", "vice", "ux", "ui");

    private static final Set<String> COMPANY_WORDS = Text.setOf(
            "inc", "inc.", "llc", "ltd", "ltd.", "limited", "gmbh", "ag", "sa", "s.a.", "plc", "corp", "corp.",
            "corporation", "company", "co", "co.", "group", "holdings", "labs", "lab", "technologies",
            "solutions", "systems", "bank", "university", "college", "institute", "hospital", "clinic", "agency",
            "studio", "studios", "partners", "consulting", "ventures", "capital", "foundation", "associates",
            "international", "industries", "enterprises", "networks", "media", "games", "health", "healthcare",
            "pharma", "pharmaceuticals", "logistics", "motors", "airlines", "energy", "insurance", "bv", "b.v.",
            "oy", "ab", "srl", "s.r.l.", "spa", "s.p.a.", "kk", "pty", "pvt", "llp", "lp", "ministry",
            "department", "council", "government", "school", "academy", "gmbh.", "sas", "sarl", "nv", "n.v.",
            "analytics", "robotics", "dynamics", "software", "digital", "interactive", "retail", "finance",
            "financial", "bancorp", "telecom", "communications", "entertainment", "publishing", "press", "association",
            "society", "club", "council", "committee", "federation", "chapter", "organization", "organisation", "trust",
            "ngo");

    private static final String[] INSTITUTION_WORDS = {
        "university", "universität", "universitat", "université", "universite", "universidad", "università",
        "universiteit", "universidade", "uniwersytet", "univ.", "college", "institute", "institut", "instituto",
        "school", "academy", "akademie", "polytechnic", "politecnico", "polytechnique", "conservatory", "seminary",
        "hochschule", "école", "ecole", "escuela", "faculty", "campus", "tech", "iit", "mit", "ucla", "eth", "epfl",
        "kth", "nyu", "usc", "lse", "ucl", "insead", "bootcamp", "gymnasium", "lyceum", "collège", "lycée", "lycee",
        "universiteti", "üniversitesi", "universitas", "hogeschool", "högskola", "vidyalaya", "mahavidyalaya",
        "vishwavidyalaya", "iim", "nit", "bits", "iiit"};

    private Vocabulary() {
    }


    /**
     * How strongly a phrase reads as a job title: each title word counts, generic ones half, and a title word at the
     * end counts again, since English titles end in their head noun ("Solutions Architect", "Research Engineer").
     */
    static double titleScore(String phrase) {
        List<String> words = words(phrase);
        double score = 0;
        if (!words.isEmpty() && isStrongTitleWord(words.get(words.size() - 1))) {
            score += 1;
        }
        for (String word : words) {
            if (TITLE_WORDS.contains(word)) {
                score += WEAK_TITLE_WORDS.contains(word) ? 0.5 : 1;
            } else if (word.endsWith(".") && TITLE_WORDS.contains(word.substring(0, word.length() - 1))) {
                score += 1;
            }
        }
        return score;
    }

    static int companyScore(String phrase) {
        return (int) words(phrase).stream()
                .filter(w -> COMPANY_WORDS.contains(w) || COMPANY_WORDS.contains(w.replaceAll("\\.$", "")))
                .count();
    }

    static boolean hasStrongTitleWord(String phrase) {
        return words(phrase).stream().anyMatch(Vocabulary::isStrongTitleWord);
    }

    private static boolean isStrongTitleWord(String word) {
        String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        return TITLE_WORDS.contains(bare) && !WEAK_TITLE_WORDS.contains(bare);
    }

    static boolean isCompanySuffix(String phrase) {
        List<String> words = words(phrase);
        return words.size() == 1 && COMPANY_WORDS.contains(words.get(0)) && phrase.length() <= 6;
    }

    static boolean looksLikeInstitution(String phrase) {
        for (String word : words(phrase)) {
            for (String institutionWord : INSTITUTION_WORDS) {
                if (word.equals(institutionWord) || word.replaceAll("\\.$", "").equals(institutionWord)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> words(String phrase) {
        return Arrays.stream(phrase.toLowerCase(Locale.ROOT).split("[\\s,/()|&+]+|(?<=\\p{L})-(?=\\p{L})"))
                .map(w -> w.replaceAll("^[^\\p{L}]+|[^\\p{L}.]+$", ""))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
